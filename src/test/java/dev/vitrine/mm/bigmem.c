/* bigmem: the RAM sysinfo reports, then N MiB written page by page and read back */
#include <stdio.h>
#include <stdlib.h>
#include <sys/sysinfo.h>

int main(int argc, char **argv) {
    struct sysinfo si;
    if (sysinfo(&si) != 0) { puts("sysinfo failed"); return 1; }
    printf("ram %llu MiB\n", (unsigned long long) si.totalram * si.mem_unit >> 20);
    size_t n = (argc > 1 ? strtoul(argv[1], 0, 10) : 1) << 20;
    unsigned long *p = malloc(n);
    if (!p) { puts("malloc failed"); return 1; }
    for (size_t i = 0; i < n / 8; i += 512) p[i] = i * 0x9E3779B97F4A7C15UL;
    for (size_t i = 0; i < n / 8; i += 512)
        if (p[i] != i * 0x9E3779B97F4A7C15UL) { printf("bad at %zu\n", i); return 1; }
    printf("ok %zu MiB\n", n >> 20);
    return 0;
}
