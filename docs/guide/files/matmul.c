/* matmul: C = A x B for 256 x 256 doubles, the loops in row order (i, k, j: every array is
 * walked along its rows, page after page) or in column order (j, k, i: every access jumps a
 * whole row ahead, 2 KiB, so two accesses in a row rarely share a page).
 * Usage: matmul row|column */
#include <stdio.h>
#include <string.h>

#define N 256
static double a[N][N], b[N][N], c[N][N];

int main(int argc, char **argv) {
    int column = argc > 1 && strcmp(argv[1], "column") == 0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = i + j;
            b[i][j] = i - j;
        }
    if (column) {
        for (int j = 0; j < N; j++)
            for (int k = 0; k < N; k++)
                for (int i = 0; i < N; i++) c[i][j] += a[i][k] * b[k][j];
    } else {
        for (int i = 0; i < N; i++)
            for (int k = 0; k < N; k++)
                for (int j = 0; j < N; j++) c[i][j] += a[i][k] * b[k][j];
    }
    printf("%s order: c[3][5] = %.0f\n", column ? "column" : "row", c[3][5]);
    return 0;
}
