/* mm_brk: The program break: sbrk grows the heap page by page, new memory reads zero, shrinking returns it. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    char *start = sbrk(0);
    char *p = sbrk(3 * 4096 + 100);
    printf("sbrk returned the old break: %d\n", p == start);
    printf("new break: +%ld\n", (long)((char *)sbrk(0) - start));
    int zeros = 1;
    for (long i = 0; i < 3 * 4096 + 100; i++) if (p[i]) zeros = 0;
    printf("zero-filled: %d\n", zeros);
    for (long i = 0; i < 3 * 4096 + 100; i++) p[i] = (char)(i * 7);
    long sum = 0;
    for (long i = 0; i < 3 * 4096 + 100; i++) sum += (unsigned char)p[i];
    printf("sum %ld\n", sum);
    printf("shrink: %d\n", brk(start + 4096));
    printf("break now: +%ld\n", (long)((char *)sbrk(0) - start));
    printf("grow again: %d\n", brk(start + 2 * 4096));
    printf("regrown page reads zero: %d\n", start[4096 + 10]);
    printf("first page kept: %d\n", start[5] == (char)35);
    return 0;
}
