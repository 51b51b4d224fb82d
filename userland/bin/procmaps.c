/* procmaps: a process's memory map, from /proc/PID/maps (default: its own, "self"), with
 * each mapping's size in KiB and pages, and the totals: the virtual memory areas the kernel
 * keeps for it (code, data, heap, mmap regions, stack). */
#include "util.h"

int main(int argc, char **argv) {
    prog = "procmaps";
    const char *pid = argc > 1 ? argv[1] : "self";
    char path[64];
    snprintf(path, sizeof path, "/proc/%s/maps", pid);
    FILE *f = fopen(path, "r");
    if (!f) die_errno(path);
    printf("%-12s %-12s %4s %9s %6s  %s\n", "START", "END", "PERM", "SIZE", "PAGES", "NAME");
    char line[1024];
    unsigned long long total = 0;
    int n = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long long start, end, off;
        char perms[8], dev[16], name[512] = "";
        unsigned long inode;
        int consumed = 0;
        if (sscanf(line, "%llx-%llx %7s %llx %15s %lu %n", &start, &end, perms, &off, dev, &inode, &consumed) < 6) continue;
        sscanf(line + consumed, "%511[^\n]", name);
        if (!name[0] && inode == 0) snprintf(name, sizeof name, "[anon]");
        unsigned long long kb = (end - start) / 1024;
        printf("%012llx %012llx %4s %8lluK %6llu  %s\n", start, end, perms, kb, (end - start) / 4096, name);
        total += end - start;
        n++;
    }
    fclose(f);
    printf("%d mappings, %llu KiB (%llu pages) of address space\n", n, total / 1024, total / 4096);
    return 0;
}
