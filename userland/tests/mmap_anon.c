/* mmap_anon: anonymous mappings - zero fill, MAP_FIXED over part of a mapping, munmap holes (probed with mprotect ENOMEM), MADV_DONTNEED zeroing, MAP_SHARED anonymous, mremap grow/move keeps contents, mprotect round trips. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <stdint.h>
#include <sys/mman.h>

#define PG 4096

static const char *err(long r) { return r == -1 ? strerror(errno) : "ok"; }
static int mapped(void *p) { return mprotect(p, PG, PROT_READ | PROT_WRITE) == 0; }   /* ENOMEM if unmapped */

int main(void)
{
    unsigned char *a = mmap(NULL, 16 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (a == MAP_FAILED) { printf("mmap failed\n"); return 1; }
    unsigned long nz = 0;
    for (int i = 0; i < 16 * PG; i++) nz += a[i] != 0;
    printf("fresh mapping nonzero bytes: %lu, page aligned: %d\n", nz, (uintptr_t)a % PG == 0);
    for (int i = 0; i < 16; i++) memset(a + i * PG, 'a' + i, PG);
    unsigned char *f = mmap(a + 4 * PG, 2 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    printf("MAP_FIXED same address: %d, page 4 now %d, page 3 still %c, page 6 still %c\n", f == a + 4 * PG, a[4 * PG + 5], a[3 * PG], a[6 * PG]);
    /* MAP_FIXED_NOREPLACE (EEXIST on Linux) is not checked: qemu-user 7.2 ignores it. */
    printf("munmap pages 10-11: %s\n", err(munmap(a + 10 * PG, 2 * PG)));
    printf("mapped? page 9 %d page 10 %d page 11 %d page 12 %d\n", mapped(a + 9 * PG), mapped(a + 10 * PG), mapped(a + 11 * PG), mapped(a + 12 * PG));
    errno = 0;
    printf("mprotect over the hole: %d %s\n", mprotect(a + 9 * PG, 3 * PG, PROT_READ), strerror(errno));
    printf("munmap of an unmapped range: %s\n", err(munmap(a + 10 * PG, PG)));
    printf("MADV_DONTNEED: %s, page 2 byte now %d, page 1 still %c\n", err(madvise(a + 2 * PG, PG, MADV_DONTNEED)), a[2 * PG + 7], a[PG]);
    unsigned char *s = mmap(NULL, 2 * PG, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    memset(s, 'S', 2 * PG);
    printf("shared anon MADV_DONTNEED: %s, byte now %c\n", err(madvise(s, PG, MADV_DONTNEED)), s[10]);
    unsigned char *g = mremap(a, 4 * PG, 64 * PG, MREMAP_MAYMOVE);
    if (g == MAP_FAILED) printf("mremap grow failed: %s\n", strerror(errno));
    else {
        nz = 0;
        for (int i = 4 * PG; i < 64 * PG; i++) nz += g[i] != 0;
        printf("mremap grow: page 0 %c page 3 %c, new tail nonzero %lu\n", g[0], g[3 * PG], nz);
        g[63 * PG] = 'z';
        unsigned char *sh = mremap(g, 64 * PG, 2 * PG, 0);
        printf("mremap shrink in place: %d, page 1 %c\n", sh == g, sh == MAP_FAILED ? '?' : sh[PG]);
    }
    unsigned char *r = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("PROT_READ page reads %d; mprotect RW %s; ", r[100], err(mprotect(r, PG, PROT_READ | PROT_WRITE)));
    r[100] = 9;
    printf("after write %d; mprotect NONE %s; mprotect R %s reads %d\n", r[100], err(mprotect(r, PG, PROT_NONE)), err(mprotect(r, PG, PROT_READ)), r[100]);
    /* many small mappings and unmappings */
    void *maps[200];
    long sum = 0;
    for (int i = 0; i < 200; i++) { maps[i] = mmap(NULL, (i % 5 + 1) * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); ((char *)maps[i])[i] = (char)i; }
    for (int i = 0; i < 200; i += 2) munmap(maps[i], (i % 5 + 1) * PG);
    for (int i = 1; i < 200; i += 2) sum += ((char *)maps[i])[i];
    printf("200 mappings, odd ones kept: sum %ld\n", sum);
    return 0;
}
