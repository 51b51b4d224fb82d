/* procmaps: a process's memory map, from /proc/PID/smaps (default: its own, "self"), with
 * each mapping's size in KiB and pages, how much of it is resident (Rss) and its
 * proportional share (Pss: a page shared by n processes counts 1/n), and the totals: the
 * virtual memory areas the kernel keeps for it (code, data, heap, mmap regions, stack). */
#include "util.h"

static void row(unsigned long long start, unsigned long long end, const char *perms, const char *name, long long rss, long long pss) {
    printf("%012llx %012llx %4s %8lluK %6lluK %6lluK %6llu  %s\n", start, end, perms, (end - start) / 1024, rss, pss,
           (end - start) / 4096, name);
}

int main(int argc, char **argv) {
    prog = "procmaps";
    const char *pid = argc > 1 ? argv[1] : "self";
    char path[64];
    snprintf(path, sizeof path, "/proc/%s/smaps", pid);
    FILE *f = fopen(path, "r");
    if (!f) die_errno(path);
    printf("%-12s %-12s %4s %9s %7s %7s %6s  %s\n", "START", "END", "PERM", "SIZE", "RSS", "PSS", "PAGES", "NAME");
    char line[1024], perms[8] = "", name[512] = "";
    unsigned long long total = 0, start = 0, end = 0;
    long long rss = 0, pss = 0, allRss = 0, allPss = 0;
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long long s, e, off;
        char p[8], dev[16];
        unsigned long inode;
        int consumed = 0;
        if (sscanf(line, "%llx-%llx %7s %llx %15s %lu %n", &s, &e, p, &off, dev, &inode, &consumed) >= 6) {
            if (n > 0) row(start, end, perms, name, rss, pss);
            start = s, end = e, rss = pss = 0, name[0] = 0;
            snprintf(perms, sizeof perms, "%s", p);
            sscanf(line + consumed, "%511[^\n]", name);
            if (!name[0] && inode == 0) snprintf(name, sizeof name, "[anon]");
            total += e - s;
            n++;
        } else if (strncmp(line, "Rss:", 4) == 0) {
            rss = atoll(line + 4);
            allRss += rss;
        } else if (strncmp(line, "Pss:", 4) == 0) {
            pss = atoll(line + 4);
            allPss += pss;
        }
    }
    if (n > 0) row(start, end, perms, name, rss, pss);
    fclose(f);
    printf("%d mappings, %llu KiB (%llu pages) of address space, %lld KiB resident, %lld KiB proportional\n", n, total / 1024,
           total / 4096, allRss, allPss);
    return 0;
}
