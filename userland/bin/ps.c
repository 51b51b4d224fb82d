/* ps: list the processes, from /proc: each numeric directory's stat, status (VmRSS: the
 * resident set in KiB, 0 for a zombie), wchan and cmdline.
 *
 *   STAT   the state (R running, S sleeping, T stopped, Z zombie) and BSD ps's flags:
 *          < high priority (nice < 0), N low (nice > 0), s session leader, l threads,
 *          + in the terminal's foreground process group
 *   WCHAN  where a sleeper waits, as the kernel's function (pipe_read, do_wait, n_tty_read...)
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <termios.h>
#include "util.h"

static int cmp(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

static void field(const char *status, const char *key, char *out, size_t size) {
    *out = 0;
    const char *p = strstr(status, key);
    if (!p) return;
    p += strlen(key);
    while (*p == '\t' || *p == ' ') p++;
    size_t n = strcspn(p, "\n");
    snprintf(out, size, "%.*s", (int)n, p);
}

static ssize_t slurp(const char *path, char *buf, size_t size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n >= 0) buf[n] = 0;
    return n;
}

int main(void) {
    prog = "ps";
    DIR *d = opendir("/proc");
    if (!d) die_errno("/proc");
    int *pids = NULL, n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (isdigit((unsigned char)e->d_name[0])) {
            if (n == cap) { cap = cap ? 2 * cap : 64; pids = realloc(pids, cap * sizeof *pids); }
            pids[n++] = atoi(e->d_name);
        }
    closedir(d);
    qsort(pids, n, sizeof *pids, cmp);
    /* The terminal's foreground group, for '+': fd 0, 1 or 2 when one is the terminal. */
    pid_t fg = -1;
    for (int fd = 0; fd < 3 && fg < 0; fd++) fg = tcgetpgrp(fd);
    printf("%7s %7s %6s %-5s %-20s %s\n", "PID", "PPID", "RSS", "STAT", "WCHAN", "CMD");
    for (int k = 0; k < n; k++) {
        char path[64], stat[4096], status[4096], cmd[1024], wchan[64], rss[32];
        snprintf(path, sizeof path, "/proc/%d/stat", pids[k]);
        if (slurp(path, stat, sizeof stat) < 0) continue;   /* it exited meanwhile */
        char *open = strchr(stat, '('), *close = strrchr(stat, ')');
        if (!open || !close) continue;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(close - open - 1), open + 1);
        /* The fields after the name: state ppid pgrp session tty_nr tpgid flags ... nice(17th) threads(18th). */
        char state = '?';
        long f[20] = {0};
        int nf = 0;
        char *save = NULL;
        for (char *t = strtok_r(close + 1, " \n", &save); t && nf < 20; t = strtok_r(NULL, " \n", &save), nf++) {
            if (nf == 0) state = t[0];
            else f[nf] = strtol(t, NULL, 10);
        }
        long ppid = f[1], pgrp = f[2], session = f[3], nice = f[16], threads = f[17];
        char st[8];
        int m = 0;
        st[m++] = state;
        if (nice < 0) st[m++] = '<';
        else if (nice > 0) st[m++] = 'N';
        if (session == pids[k]) st[m++] = 's';
        if (threads > 1) st[m++] = 'l';
        if (fg > 0 && pgrp == fg && state != 'Z') st[m++] = '+';
        st[m] = 0;
        snprintf(path, sizeof path, "/proc/%d/status", pids[k]);
        if (slurp(path, status, sizeof status) < 0) status[0] = 0;
        field(status, "VmRSS:", rss, sizeof rss);
        snprintf(path, sizeof path, "/proc/%d/wchan", pids[k]);
        if (slurp(path, wchan, sizeof wchan) <= 0 || strcmp(wchan, "0") == 0) strcpy(wchan, "-");
        snprintf(path, sizeof path, "/proc/%d/cmdline", pids[k]);
        ssize_t len = slurp(path, cmd, sizeof cmd);
        if (len > 0) {
            for (ssize_t j = 0; j < len - 1; j++) if (cmd[j] == 0) cmd[j] = ' ';
        } else snprintf(cmd, sizeof cmd, "[%s]", name);
        printf("%7d %7ld %6lld %-5s %-20s %s\n", pids[k], ppid, atoll(rss), st, wchan, cmd);
    }
    return 0;
}
