/* Sorts pseudo-random 64-bit keys with a hand-written quicksort (loads, stores, compares).
   Usage: sort [THOUSANDS] [ROUNDS]  (default 1000 thousand keys, 2 rounds) */
#include <stdio.h>
#include <stdlib.h>

static void quicksort(unsigned long *a, long lo, long hi) {
    while (lo < hi) {
        unsigned long p = a[lo + (hi - lo) / 2];
        long i = lo, j = hi;
        while (i <= j) {
            while (a[i] < p) i++;
            while (a[j] > p) j--;
            if (i <= j) { unsigned long t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j - lo < hi - i) { quicksort(a, lo, j); lo = i; }
        else { quicksort(a, i, hi); hi = j; }
    }
}

int main(int argc, char **argv) {
    long n = (argc > 1 ? atol(argv[1]) : 1000) * 1000L;
    int rounds = argc > 2 ? atoi(argv[2]) : 2;
    unsigned long *a = malloc(n * sizeof *a), x = 88172645463325252UL, sum = 0;
    if (!a) return 1;
    for (int r = 0; r < rounds; r++) {
        for (long i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; a[i] = x; }
        quicksort(a, 0, n - 1);
        for (long i = 1; i < n; i++) if (a[i - 1] > a[i]) { puts("not sorted"); return 1; }
        sum += a[n / 2];
    }
    printf("%ld keys, %d rounds, median sum %lx\n", n, rounds, sum);
    return 0;
}
