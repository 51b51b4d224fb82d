/* A tight integer loop: adds, xors, shifts and a compare per iteration, no memory.
   Usage: intloop [MILLIONS]  (default 100 million iterations) */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    long n = (argc > 1 ? atol(argv[1]) : 100) * 1000000L;
    unsigned long a = 1, b = 0x9e3779b97f4a7c15UL;
    for (long i = 0; i < n; i++) {
        a += b ^ (unsigned long) i;
        b = (b << 7) | (b >> 57);
    }
    printf("%lx %lx\n", a, b);
    return 0;
}
