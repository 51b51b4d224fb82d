/* The demo: a small program whose memory you can watch. It touches a few pages of heap
 * and stack, sorts an array and prints what it did; `vitrine demo` runs it under two page
 * table geometries and shows what the MMU, the TLB and the kernel counted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void) {
    enum { N = 20000 };
    int *v = malloc(N * sizeof *v);          /* 80 KB of heap: about 20 pages, each a minor fault */
    unsigned seed = 12345;
    for (int i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (int)(seed >> 8) % 100000;
    }
    qsort(v, N, sizeof *v, cmp);
    long sum = 0;
    for (int i = 0; i < N; i++) sum += v[i];
    char line[64];
    snprintf(line, sizeof line, "min %d, median %d, max %d", v[0], v[N / 2], v[N - 1]);
    printf("sorted %d numbers (%zu KiB of heap): %s, sum %ld\n", N, N * sizeof *v / 1024, line, sum);
    free(v);
    return 0;
}
