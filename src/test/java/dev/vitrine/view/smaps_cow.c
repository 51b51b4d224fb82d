/* smaps_cow: /proc/self/smaps and pagemap across a copy-on-write fork, read as a program
 * reads them: an 8-page private area written by the parent, then fork, a write by the child,
 * the child's exit. Prints each figure of the area (no addresses, no frame numbers), so the
 * output is the same on any Linux: built natively and run as an unprivileged user it is the
 * oracle for Vitrine's. Also: pagemap's EINVAL for a read that is not whole entries, and the
 * meminfo, vmstat and status lines the guest tools read. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGES 8
static long ps;
static char *area;

static void smaps(const char *who) {
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f) { printf("%s: cannot open smaps: %s\n", who, strerror(errno)); return; }
    char line[512];
    int in = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long start, end;
        if (sscanf(line, "%lx-%lx ", &start, &end) == 2 && strchr(line, ' ') - line < 40 && line[0] != ' ') {
            in = start == (unsigned long) area;
            if (in) printf("%s: area of %lu pages\n", who, (end - start) / ps);
            continue;
        }
        if (!in) continue;
        static const char *keys[] = {"Size:", "Rss:", "Pss:", "Pss_Dirty:", "Shared_Clean:", "Shared_Dirty:", "Private_Clean:",
                                     "Private_Dirty:", "Anonymous:", "Swap:", "SwapPss:", "Locked:", "VmFlags:"};
        for (unsigned i = 0; i < sizeof keys / sizeof *keys; i++)
            if (strncmp(line, keys[i], strlen(keys[i])) == 0) printf("%s: %s", who, line);
    }
    fclose(f);
}

static void pagemap(const char *who) {
    int fd = open("/proc/self/pagemap", O_RDONLY);
    if (fd < 0) { printf("%s: cannot open pagemap: %s\n", who, strerror(errno)); return; }
    off_t base = (uintptr_t) area / ps * 8;
    for (int i = 0; i < PAGES; i++) {
        uint64_t e = 0;
        if (pread(fd, &e, 8, base + 8 * i) != 8) { printf("%s: pagemap read failed: %s\n", who, strerror(errno)); break; }
        printf("%s: page %d present %d swapped %d file %d exclusive %d soft-dirty %d pfn %s\n", who, i,
               (int) (e >> 63 & 1), (int) (e >> 62 & 1), (int) (e >> 61 & 1), (int) (e >> 56 & 1), (int) (e >> 55 & 1),
               (e & ((1ULL << 55) - 1)) ? "shown" : "hidden");
    }
    char b[8];
    errno = 0;
    long r = pread(fd, b, 4, base);
    printf("%s: half an entry: %ld %s\n", who, r, strerror(errno));
    errno = 0;
    r = pread(fd, b, 8, base + 1);
    printf("%s: misaligned: %ld %s\n", who, r, strerror(errno));
    close(fd);
}

static long long value(const char *path, const char *key) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    char line[512];
    size_t k = strlen(key);
    long long v = -1;
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, k) == 0 && (line[k] == ':' || line[k] == ' ')) { v = atoll(line + k + 1 + strspn(line + k + 1, " \t:")); break; }
    fclose(f);
    return v;
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    ps = sysconf(_SC_PAGESIZE);
    /* PROT_NONE guards on both sides: the area is an area of its own, merged with nothing. */
    char *all = mmap(NULL, (PAGES + 2) * ps, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (all == MAP_FAILED) return 1;
    area = all + ps;
    if (mprotect(area, PAGES * ps, PROT_READ | PROT_WRITE) != 0) return 1;
    memset(area, 1, PAGES * ps);
    smaps("alone");
    pagemap("alone");

    int up[2], down[2];
    if (pipe(up) || pipe(down)) return 1;
    pid_t c = fork();
    if (c == 0) {
        area[0] = 2;
        smaps("child");
        pagemap("child");
        write(up[1], "x", 1);
        char x;
        read(down[0], &x, 1);
        _exit(0);
    }
    char x;
    read(up[0], &x, 1);
    smaps("parent, child alive");
    pagemap("parent, child alive");
    write(down[1], "x", 1);
    waitpid(c, NULL, 0);
    smaps("parent, child gone");
    pagemap("parent, child gone");

    static const char *mem[] = {"MemTotal", "MemFree", "MemAvailable", "Buffers", "Cached", "SwapCached", "SwapTotal", "SwapFree",
                                "AnonPages", "Mapped", "Shmem", "PageTables"};
    for (unsigned i = 0; i < sizeof mem / sizeof *mem; i++)
        printf("meminfo %s %s\n", mem[i], value("/proc/meminfo", mem[i]) >= 0 ? "present" : "MISSING");
    static const char *vm[] = {"nr_free_pages", "nr_anon_pages", "nr_mapped", "nr_file_pages", "nr_shmem", "nr_page_table_pages",
                               "pswpin", "pswpout", "pgfault", "pgmajfault", "pgsteal_direct"};
    for (unsigned i = 0; i < sizeof vm / sizeof *vm; i++)
        printf("vmstat %s %s\n", vm[i], value("/proc/vmstat", vm[i]) >= 0 ? "present" : "MISSING");
    long long hwm = value("/proc/self/status", "VmHWM"), rss = value("/proc/self/status", "VmRSS");
    printf("status VmHWM >= VmRSS > 0: %s\n", hwm >= rss && rss > 0 ? "yes" : "no");
    long long rollup = value("/proc/self/smaps_rollup", "Rss");
    printf("smaps_rollup Rss == status VmRSS: %s\n", rollup == rss ? "yes" : "no");
    return 0;
}
