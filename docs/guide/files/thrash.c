/* mm_thrash: More memory than a small machine has: a hot region used at every step and a cold sweep (continued) */
/*
 * over the rest, three rounds. Run with --mem 4M it swaps; the output must not change. */
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    long n = 6L << 20, hot = 256L << 10;
    unsigned char *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (long i = 0; i < n; i += 4096) p[i] = (unsigned char)(i >> 12);
    unsigned long sum = 0;
    for (int round = 0; round < 3; round++)
        for (long i = hot; i < n; i += 4096) {
            sum += p[i];
            for (long h = 0; h < hot; h += 4096) sum += p[h];
            p[i] ^= 1;
        }
    printf("sum %lu, last page %d\n", sum, p[n - 4096]);
    return 0;
}
