/* cred_root: root's changes of identity (setuid, setre*id, setres*id, setfs*id, setgroups) with kernel/sys.c's rules, and how capabilities follow them (cap_emulate_setxuid: effective set dropped and regained with euid 0, everything lost with the last uid 0; setfsuid drops only the file-system capabilities; the process undumpable after any change, so /proc/self is root's; prlimit of another process only with matching ids). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/fsuid.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define T(x) do { errno = 0; long r_ = (x); printf("%-44s = %ld %s\n", #x, r_, r_ < 0 ? strerrorname_np(errno) : ""); } while (0)

static char secret[64];

static void ids(const char *what) {
    uid_t r, e, s;
    gid_t gr, ge, gs, g[8];
    getresuid(&r, &e, &s);
    getresgid(&gr, &ge, &gs);
    int n = getgroups(8, g);
    printf("%-16s uid %u %u %u fsuid %d gid %u %u %u fsgid %d groups", what, r, e, s, setfsuid(-1), gr, ge, gs, setfsgid(-1));
    for (int i = 0; i < n; i++) printf(" %u", g[i]);
    /* What the capabilities allow, seen through a root-only file and /proc/self/status. */
    int fd = open(secret, O_RDONLY);
    printf(" | read 0600 root file: %s", fd >= 0 ? "yes" : strerrorname_np(errno));
    if (fd >= 0) close(fd);
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned long long eff = 0, prm = 0;
    while (f && fgets(line, sizeof line, f)) {
        if (!strncmp(line, "CapEff:", 7)) eff = strtoull(line + 8, NULL, 16);
        if (!strncmp(line, "CapPrm:", 7)) prm = strtoull(line + 8, NULL, 16);
    }
    if (f) fclose(f);
    printf(" | CapPrm %s CapEff %s", prm ? "some" : "none", !eff ? "none" : eff == prm ? "=CapPrm" : "part of CapPrm");
    /* A change of identity makes the process undumpable: its /proc entries are then root's. */
    struct stat st;
    if (stat("/proc/self/status", &st) == 0) printf(" | status %u:%u\n", st.st_uid, st.st_gid);
    else printf(" | status %s\n", strerrorname_np(errno));
}

int main(void) {
    snprintf(secret, sizeof secret, "/tmp/cred_root.%d", getpid());
    close(open(secret, O_CREAT | O_WRONLY, 0600));
    ids("root");
    T(setuid(-1)); T(setgid(-1)); T(setreuid(-1, -1)); T(setresuid(-1, -1, -1));
    gid_t list[3] = {30, 7, 3};
    T(setgroups(3, list)); ids("setgroups");
    T(setgroups(0, NULL)); ids("no groups");
    T(setgroups(65537, list)); T(setgroups(-1, list)); T(setgroups(1, NULL));
    T(setfsuid(1000)); ids("fsuid 1000");
    T(kill(1, 0));
    T(setfsuid(0)); ids("fsuid 0");
    T(setfsgid(1000)); T(setfsgid(0));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        T(setresgid(100, 200, 300)); ids("resgid");
        T(setresuid(0, 1000, 0)); ids("euid 1000");
        T(seteuid(0)); ids("euid 0 again");
        T(setreuid(1000, 2000)); ids("setreuid");
        T(setreuid(-1, 0)); T(setreuid(-1, 1000)); ids("setreuid -1");
        T(setresuid(-1, 2000, -1)); ids("back to 2000");
        T(setuid(1000)); ids("setuid 1000");
        T(setresuid(2000, 2000, 2000)); T(setresuid(1000, 1000, 2000)); T(setresuid(2000, -1, -1)); ids("res");
        T(setfsuid(2000)); T(setfsuid(0)); ids("fsuid");
        T(setgid(300)); T(setgid(100)); T(setgid(0)); ids("gids");
        T(setregid(200, -1)); T(setregid(-1, 100)); ids("regid");
        T(setgroups(0, NULL)); T(kill(getppid(), 0));
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child exit %d\n", WEXITSTATUS(st));
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        T(setuid(1000)); ids("user");
        T(setuid(0)); T(kill(getppid(), 0)); T(setpriority(PRIO_PROCESS, 0, -1));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    printf("child exit %d\n", WEXITSTATUS(st));
    T(setpriority(PRIO_PROCESS, 0, -1)); T(setpriority(PRIO_PROCESS, 0, 0));
    /* prlimit on another process: the same real ids as all of the target's, or CAP_SYS_RESOURCE. */
    int ready[2], hold[2];
    pipe(ready);
    pipe(hold);
    fflush(stdout);
    pid_t sleeper = fork();
    if (sleeper == 0) {
        char c;
        close(hold[1]);
        write(ready[1], "r", 1);
        read(hold[0], &c, 1);      /* until the parent has set its limit */
        struct rlimit now;
        getrlimit(RLIMIT_NOFILE, &now);
        printf("sleeper's NOFILE %lu %lu\n", (unsigned long) now.rlim_cur, (unsigned long) now.rlim_max);
        fflush(stdout);
        _exit(0);
    }
    char c;
    read(ready[0], &c, 1);
    struct rlimit lim = {32, 64}, old;
    T(prlimit(sleeper, RLIMIT_NOFILE, NULL, &old)); T(prlimit(sleeper, RLIMIT_NOFILE, &lim, NULL));
    T(prlimit(99999, RLIMIT_NOFILE, NULL, &old)); T(prlimit(sleeper, 99, NULL, &old));
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        T(setuid(2000));
        T(prlimit(sleeper, RLIMIT_NOFILE, NULL, &old)); T(prlimit(getppid(), RLIMIT_NOFILE, NULL, &old));
        T(prlimit(0, RLIMIT_NOFILE, NULL, &old)); T(prlimit(getpid(), RLIMIT_NOFILE, &lim, NULL));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    close(hold[1]);
    waitpid(sleeper, &st, 0);
    T(unlink(secret));
    return 0;
}
