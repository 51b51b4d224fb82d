/* arg_kinds_native: argument decoding where qemu-user strays from Linux (it checks a whole buffer against the full 64-bit length, or checks in another order), so the native build on the host's Linux is the oracle. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long r) {
    printf("%-32s %s %s\n", what, r >= 0 ? "ok" : "-1", r < 0 ? strerrorname_np(errno) : "");
}

int main(void) {
    static char buf[8192];
    char link[64];
    snprintf(link, sizeof link, "/tmp/argkinds_%d", getpid());
    symlink("abcdef", link);
    /* size_t: a length past the user range is still a length (getcwd copies what it needs). */
    show("getcwd SIZE_MAX", syscall(SYS_getcwd, buf, SIZE_MAX));
    show("getcwd 2^63", syscall(SYS_getcwd, buf, 1UL << 63));
    show("getcwd 1", syscall(SYS_getcwd, buf, 1));
    /* int bufsiz: the low 32 bits. */
    long r = syscall(SYS_readlinkat, AT_FDCWD, link, buf, (1L << 32) + 4);
    printf("readlinkat 2^32+4 -> %ld %.4s\n", r, buf);
    show("readlinkat 2^40", syscall(SYS_readlinkat, AT_FDCWD, link, buf, 1L << 40));
    show("readlinkat 2^32-1", syscall(SYS_readlinkat, AT_FDCWD, link, buf, 0xffffffffL));
    /* unsigned int count: the low 32 bits. */
    int d = open("/", O_RDONLY | O_DIRECTORY);
    show("getdents64 2^32+4096", syscall(SYS_getdents64, d, buf, (1L << 32) + 4096));
    lseek(d, 0, SEEK_SET);
    show("getdents64 0", syscall(SYS_getdents64, d, buf, 0));
    lseek(d, 0, SEEK_SET);
    show("getdents64 2^32", syscall(SYS_getdents64, d, buf, 1L << 32));
    /* mincore checks alignment before the range. */
    char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("mincore unaligned", syscall(SYS_mincore, p + 1, 4096, buf));
    unlink(link);
    return 0;
}
