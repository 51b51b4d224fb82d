/* Counts the placements of N queens by backtracking over bit masks (recursion, branches).
   Usage: nqueens [N] [ROUNDS]  (default 10 queens, 10 rounds) */
#include <stdio.h>
#include <stdlib.h>

static long solve(int n, int row, unsigned cols, unsigned d1, unsigned d2) {
    if (row == n) return 1;
    long count = 0;
    unsigned free = ~(cols | d1 | d2) & ((1u << n) - 1);
    while (free) {
        unsigned bit = free & -free;
        free -= bit;
        count += solve(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
    }
    return count;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 10;
    int rounds = argc > 2 ? atoi(argv[2]) : 10;
    long total = 0;
    for (int r = 0; r < rounds; r++) total += solve(n, 0, 0, 0, 0);
    printf("%d queens: %ld solutions in %d rounds\n", n, total, rounds);
    return 0;
}
