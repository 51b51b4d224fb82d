/* mm_anon: Anonymous mappings: demand-zero pages, private vs shared, mremap moves the data, madvise. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(void) {
    long pg = 4096;
    unsigned char *p = mmap(NULL, 8 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    int zeros = 1;
    for (long i = 0; i < 8 * pg; i++) if (p[i]) zeros = 0;
    printf("fresh pages read zero: %d\n", zeros);
    for (int i = 0; i < 8; i++) p[i * pg] = 'a' + i;
    unsigned char vec[8];
    printf("mincore: %d\n", mincore(p, 8 * pg, vec));
    int resident = 0;
    for (int i = 0; i < 8; i++) resident += vec[i] & 1;
    printf("resident after touching all: %d\n", resident);

    /* grow: MAYMOVE keeps the contents wherever the area lands */
    unsigned char *q = mremap(p, 8 * pg, 64 * pg, MREMAP_MAYMOVE);
    if (q == MAP_FAILED) { perror("mremap"); return 1; }
    printf("after mremap: %c %c, new tail %d\n", q[0], q[7 * pg], q[40 * pg]);
    /* shrink in place */
    printf("shrink stays: %d\n", mremap(q, 64 * pg, 4 * pg, 0) == q);
    /* without MAYMOVE and something in the way: ENOMEM */
    unsigned char *block = mmap(q + 4 * pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("fixed next door: %d\n", block == q + 4 * pg);
    printf("grow blocked: %s\n", mremap(q, 4 * pg, 8 * pg, 0) == MAP_FAILED ? "failed" : "grew");

    /* MADV_DONTNEED: private anonymous pages come back as zeros */
    q[1] = 'x';
    madvise(q, 4 * pg, MADV_DONTNEED);
    printf("private after DONTNEED: %d %d\n", q[0], q[1]);

    /* shared anonymous pages keep their data */
    char *s = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    strcpy(s, "kept");
    madvise(s, 2 * pg, MADV_DONTNEED);
    printf("shared after DONTNEED: %s\n", s);

    /* MAP_POPULATE (qemu-user does not populate; Linux does: see MmapSemanticsTest) */
    unsigned char *pop = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    printf("populated area reads zero: %d\n", pop[3 * pg]);

    /* munmap of part of an area splits it */
    unsigned char *m = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    m[0] = 1; m[2 * pg] = 3;
    printf("munmap middle: %d\n", munmap(m + pg, pg));
    printf("ends survive: %d %d\n", m[0], m[2 * pg]);
    printf("munmap again (never mapped is fine): %d\n", munmap(m + pg, pg));
    printf("mincore of the hole: %d\n", mincore(m, 3 * pg, vec));
    return 0;
}
