/* ps: list the processes, from /proc: each numeric directory's status (Pid, PPid, State,
 * Name, VmRSS: the resident set in KiB, 0 for a zombie) and cmdline. */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
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
    printf("%7s %7s %6s %s %s\n", "PID", "PPID", "RSS", "S", "CMD");
    for (int k = 0; k < n; k++) {
        char path[64], status[4096], cmd[1024], name[64], ppid[32], state[32], rss[32];
        snprintf(path, sizeof path, "/proc/%d/status", pids[k]);
        if (slurp(path, status, sizeof status) < 0) continue;   /* it exited meanwhile */
        field(status, "Name:", name, sizeof name);
        field(status, "PPid:", ppid, sizeof ppid);
        field(status, "State:", state, sizeof state);
        field(status, "VmRSS:", rss, sizeof rss);
        snprintf(path, sizeof path, "/proc/%d/cmdline", pids[k]);
        ssize_t len = slurp(path, cmd, sizeof cmd);
        if (len > 0) {
            for (ssize_t j = 0; j < len - 1; j++) if (cmd[j] == 0) cmd[j] = ' ';
        } else snprintf(cmd, sizeof cmd, "[%s]", name);
        printf("%7d %7s %6lld %c %s\n", pids[k], ppid, atoll(rss), state[0] ? state[0] : '?', cmd);
    }
    return 0;
}
