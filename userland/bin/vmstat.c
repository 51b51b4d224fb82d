/* vmstat: virtual-memory counters from /proc: page faults (minor, major), pages in and
 * out, from /proc/vmstat; free and total memory from /proc/meminfo; with a PID argument,
 * that process's own minor and major faults (fields 10 and 12 of /proc/PID/stat) and its
 * sizes from /proc/PID/status. Lines that /proc does not provide are left out. */
#include "util.h"

static int slurp(const char *path, char *buf, size_t size) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = 0;
    fclose(f);
    return 0;
}

/* The value after "key" at the start of a line, or -1. */
static long long get(const char *text, const char *key) {
    size_t k = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, key, k) == 0 && (p[k] == ' ' || p[k] == ':' || p[k] == '\t')) return atoll(p + k + 1 + strspn(p + k + 1, " \t:"));
    return -1;
}

static void show(const char *text, const char *key, const char *what) {
    long long v = get(text, key);
    if (v >= 0) printf("%12lld %s\n", v, what);
}

int main(int argc, char **argv) {
    prog = "vmstat";
    static char buf[65536];
    if (argc > 1) {
        char path[64];
        snprintf(path, sizeof path, "/proc/%s/stat", argv[1]);
        if (slurp(path, buf, sizeof buf) == 0) {
            /* after the ")" that ends comm: state ppid pgrp session tty tpgid flags minflt cminflt majflt */
            char *p = strrchr(buf, ')');
            long long minflt = 0, majflt = 0;
            if (p && sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %llu %*u %llu", &minflt, &majflt) == 2) {
                printf("%12lld minor page faults\n", minflt);
                printf("%12lld major page faults\n", majflt);
            }
        }
        snprintf(path, sizeof path, "/proc/%s/status", argv[1]);
        if (slurp(path, buf, sizeof buf) < 0) die_errno(path);
        show(buf, "VmSize", "kB virtual memory (VmSize)");
        show(buf, "VmRSS", "kB resident (VmRSS)");
        show(buf, "VmHWM", "kB resident at most (VmHWM)");
        show(buf, "VmSwap", "kB swapped out (VmSwap)");
        return 0;
    }
    if (slurp("/proc/meminfo", buf, sizeof buf) == 0) {
        show(buf, "MemTotal", "K total memory");
        show(buf, "MemFree", "K free memory");
    }
    if (slurp("/proc/vmstat", buf, sizeof buf) < 0) die_errno("/proc/vmstat");
    show(buf, "pgfault", "page faults (all)");
    show(buf, "pgmajfault", "major page faults");
    show(buf, "pgpgin", "K paged in");
    show(buf, "pgpgout", "K paged out");
    show(buf, "pswpin", "pages swapped in");
    show(buf, "pswpout", "pages swapped out");
    show(buf, "nr_free_pages", "free pages");
    show(buf, "nr_anon_pages", "anonymous pages");
    show(buf, "nr_mapped", "file pages mapped");
    return 0;
}
