/* mm_errno: mmap, munmap, mprotect, msync, madvise, mremap and mincore errors, with errno as Linux sets it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r == -1 || r == (long)MAP_FAILED) printf("%-40s -1 %s\n", what, strerrorname_np(errno));
    else printf("%-40s ok\n", what);
    errno = 0;
}

int main(void) {
    long pg = 4096;
    show("mmap len 0", (long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    show("mmap neither shared nor private", (long)mmap(NULL, pg, PROT_READ, MAP_ANONYMOUS, -1, 0));
    show("mmap unaligned offset", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 100));
    show("mmap bad fd", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, 42, 0));
    show("mmap huge length", (long)mmap(NULL, -pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
    show("mmap MAP_FIXED unaligned", (long)mmap((void *)0x10000123, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0));

    char *a = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("mmap anonymous", (long)a);
    show("munmap unaligned", munmap(a + 1, pg));
    show("munmap len 0", munmap(a, 0));
    show("mprotect unaligned", mprotect(a + 1, pg, PROT_READ));
    show("mprotect bad prot bits", mprotect(a, pg, 0x100));
    /* mprotect(a, 0, ...) is 0 on Linux but ENOMEM under qemu 7.2: left out */
    munmap(a + 2 * pg, pg);
    show("mprotect over a hole", mprotect(a, 4 * pg, PROT_READ));
    show("msync MS_SYNC|MS_ASYNC", msync(a, pg, MS_SYNC | MS_ASYNC));
    show("msync unaligned", msync(a + 8, pg, MS_SYNC));
    show("msync bad flags", msync(a, pg, 0x40));
    show("msync over a hole", msync(a, 4 * pg, MS_SYNC));
    show("msync anonymous", msync(a, pg, MS_SYNC));
    /* qemu 7.2 returns 0 from madvise with bad advice or over a hole (Linux: EINVAL, ENOMEM): in LinuxOnlyTest */
    show("madvise unaligned", madvise(a + 1, pg, MADV_NORMAL));
    unsigned char vec[4];
    show("mincore unaligned", mincore(a + 1, pg, vec));
    show("mincore over a hole", mincore(a, 4 * pg, vec));
    show("mincore bad vector", mincore(a, pg, (unsigned char *)8));
    /* mremap to length 0: Linux EINVAL, qemu ENOMEM: in LinuxOnlyTest */
    show("mremap FIXED without MAYMOVE", (long)mremap(a, pg, pg, MREMAP_FIXED, a + 8 * pg));
    show("mremap bad flags", (long)mremap(a, pg, pg, 0x80));
    show("mremap unaligned", (long)mremap(a + 1, pg, 2 * pg, MREMAP_MAYMOVE));
    show("mremap of unmapped", (long)mremap(a + 2 * pg, pg, 2 * pg, MREMAP_MAYMOVE));
    show("mremap FIXED overlapping", (long)mremap(a, 2 * pg, 2 * pg, MREMAP_MAYMOVE | MREMAP_FIXED, a + pg));
    return 0;
}
