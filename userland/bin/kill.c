/* kill: send a signal (default SIGTERM) to processes, or to a process group with a
 * negative pid: kill [-SIGNAL | -s SIGNAL] PID...   kill -l lists the signals. */
#include <signal.h>
#include "util.h"

static const char *names[] = {NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
                              "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP",
                              "TTIN", "TTOU", "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"};

static int signum(const char *s) {
    if (s[0] >= '0' && s[0] <= '9') return atoi(s);
    if (strncmp(s, "SIG", 3) == 0) s += 3;
    for (int k = 1; k < 32; k++) if (strcmp(names[k], s) == 0) return k;
    return -1;
}

int main(int argc, char **argv) {
    prog = "kill";
    int sig = SIGTERM, i = 1;
    if (i < argc && strcmp(argv[i], "-l") == 0) {
        for (int k = 1; k < 32; k++) printf("%2d) SIG%s\n", k, names[k]);
        return 0;
    }
    if (i + 1 < argc && strcmp(argv[i], "-s") == 0) { sig = signum(argv[i + 1]); i += 2; }
    else if (i < argc && argv[i][0] == '-' && argv[i][1] && !(argv[i][1] == '-' && !argv[i][2])) sig = signum(argv[i++] + 1);
    else if (i < argc && strcmp(argv[i], "--") == 0) i++;
    if (sig < 0) { warnx("%s: invalid signal specification", argv[i - 1]); return 1; }
    if (i >= argc) die_usage("[-SIGNAL] PID...");
    int rc = 0;
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (*end || end == argv[i]) { warnx("failed to parse argument: '%s'", argv[i]); rc = 1; continue; }
        if (kill((pid_t)pid, sig) < 0) { fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno)); rc = 1; }
    }
    return rc;
}
