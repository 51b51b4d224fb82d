/*
 * A real static glibc program for the hart tests (qsort, malloc, stdio, libm, TLS, lr/sc).
 * Rebuild (the stripped ELF is checked in next to this file):
 *   riscv64-linux-gnu-gcc -O2 -static -o hello hello-glibc.c -lm
 *   riscv64-linux-gnu-strip -o hello-glibc.elf hello
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
int cmp(const void *a, const void *b) { return strcmp(*(char **) a, *(char **) b); }
int main(int argc, char **argv) {
    char *words[] = { "pear", "apple", "fig", "banana", "cherry" };
    qsort(words, 5, sizeof *words, cmp);
    for (int i = 0; i < 5; i++) printf("%s%c", words[i], i == 4 ? '\n' : ' ');
    char *p = malloc(100000); memset(p, 'x', 99999); p[99999] = 0;
    printf("len %zu pi %.10f sqrt2 %g e %a\n", strlen(p), M_PI, sqrt(2.0), exp(1.0));
    printf("%d %ld %x %s\n", -42, 1L << 40, 0xbeef, argc > 1 ? argv[1] : "none");
    free(p);
    return 3;
}
