/* pagemap: the frames behind a range of a process's virtual addresses, from
 * /proc/PID/pagemap (one 64-bit entry per page: bit 63 present, 62 swapped, 61 file page or
 * shared anonymous, 56 mapped by this process alone, bits 0-54 the frame number, or the swap
 * type and offset; the frame reads as 0 unless the reader has CAP_SYS_ADMIN, as on Linux).
 *   pagemap [-p PID] START [END]    addresses in hex or decimal; END defaults to START + 1 page
 * Pages with nothing mapped are shown as one line per run. */
#include "util.h"
#include <fcntl.h>
#include <stdint.h>
#include <unistd.h>

static unsigned long long parse_addr(const char *s) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (*s == 0 || *end || errno) die_usage("[-p PID] START [END]  (bad address '%s')", s);
    return v;
}

static void absent(unsigned long long from, unsigned long long to, long ps) {
    if (from == to) return;
    if (to - from == (unsigned long long) ps) printf("%#14llx  -                 not present\n", from);
    else printf("%#14llx  -                 not present (%llu pages, to %#llx)\n", from, (to - from) / ps, to - 1);
}

int main(int argc, char **argv) {
    prog = "pagemap";
    const char *pid = "self";
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "-p") == 0) { pid = argv[i + 1]; i += 2; }
    if (i >= argc || argc - i > 2) die_usage("[-p PID] START [END]");
    long ps = sysconf(_SC_PAGESIZE);
    unsigned long long start = parse_addr(argv[i]) & ~(unsigned long long) (ps - 1);
    unsigned long long end = i + 1 < argc ? parse_addr(argv[i + 1]) : start + ps;
    if (end <= start) die_usage("[-p PID] START [END]  (END must be above START)");
    char path[64];
    snprintf(path, sizeof path, "/proc/%s/pagemap", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) die_errno(path);
    printf("%14s  %-16s  %s\n", "ADDRESS", "FRAME", "FLAGS");
    unsigned long long gap = start;
    for (unsigned long long va = start; va < end; va += ps) {
        uint64_t e;
        ssize_t n = pread(fd, &e, sizeof e, (off_t) (va / ps * sizeof e));
        if (n < 0) die_errno(path);
        if (n == 0) break;                      /* past the end of the user address space */
        int present = e >> 63 & 1, swapped = e >> 62 & 1;
        if (!present && !swapped) continue;
        absent(gap, va, ps);
        gap = va + ps;
        uint64_t pfn = e & ((1ULL << 55) - 1);
        char frame[32];
        if (present) snprintf(frame, sizeof frame, pfn ? "%#llx" : "hidden", (unsigned long long) pfn);
        else snprintf(frame, sizeof frame, pfn ? "swap %llu" : "swap (hidden)", (unsigned long long) (pfn >> 5));
        printf("%#14llx  %-16s  %s%s%s%s\n", va, frame, present ? "present" : "swapped", e >> 61 & 1 ? " file/shared" : " anonymous",
               e >> 56 & 1 ? " exclusive" : "", e >> 55 & 1 ? " soft-dirty" : "");
    }
    absent(gap, end > gap ? (end + ps - 1) / ps * ps : gap, ps);
    close(fd);
    return 0;
}
