/* bss_stack: a 24 MiB zero-filled .bss array touched sparsely and densely, a large initialized .data table, 1 MiB stack arrays, and sbrk growth. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static unsigned char big[24 << 20];
static int table[4096] = {1, 2, 3, [100] = 100, [4095] = -1};
static const char rodata[] = "read-only data lives in the text segment's neighbour";

static unsigned long stack_user(int depth)
{
    volatile unsigned char frame[1 << 20];
    for (size_t i = 0; i < sizeof frame; i += 4096) frame[i] = (unsigned char)(i >> 12) + (unsigned char)depth;
    unsigned long s = 0;
    for (size_t i = 0; i < sizeof frame; i += 4096) s += frame[i];
    return depth ? s + stack_user(depth - 1) : s;
}

int main(void)
{
    unsigned long nz = 0;
    for (size_t i = 0; i < sizeof big; i += 4096) nz += big[i] != 0 || big[i + 4095] != 0;
    printf("bss pages nonzero before: %lu of %zu\n", nz, sizeof big / 4096);
    for (size_t i = 0; i < sizeof big; i += 4096 * 7) big[i] = (unsigned char)(i / 4096);
    memset(big + (5 << 20), 0x5a, 1 << 20);
    unsigned long sum = 0;
    for (size_t i = 0; i < sizeof big; i += 512) sum += big[i];
    printf("bss sum %lu\n", sum);
    long ts = 0;
    for (int i = 0; i < 4096; i++) ts += table[i] * (i % 5 + 1);
    printf("data table sum %ld, rodata [%s] %zu\n", ts, rodata, sizeof rodata);
    printf("stack arrays: %lu\n", stack_user(3));
    char *b0 = sbrk(0);
    char *b1 = sbrk(1 << 20);
    memset(b1, 7, 1 << 20);
    char *b2 = sbrk(0);
    printf("sbrk grew by %ld, old break returned %d, last byte %d\n", (long)(b2 - b0), b1 == b0, b1[(1 << 20) - 1]);
    sbrk(-(1 << 19));
    printf("sbrk shrink by %ld\n", (long)((char *)sbrk(0) - b2));
    return 0;
}
