/* read_partial_native: one read of a regular file returns all of a 3 MiB request (Linux reads a regular file whole, not a chunk); pread too; a buffer with an unmapped page ends the read after the bytes before it, EFAULT when that is none; a read from a MAP_SHARED mapping's file sees what the mapping wrote */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    long size = 3L << 20, pg = sysconf(_SC_PAGESIZE);
    char path[64];
    snprintf(path, sizeof path, "/tmp/fs_read_large.%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    char *b = malloc(size);
    for (long i = 0; i < size; i++) b[i] = (char) (i * 7);
    printf("write: %ld\n", (long) write(fd, b, size));
    memset(b, 0, size);
    lseek(fd, 0, SEEK_SET);
    long r = read(fd, b, size);
    int same = 1;
    for (long i = 0; i < size; i++) if (b[i] != (char) (i * 7)) { same = 0; break; }
    printf("read: %ld, data %s, offset %ld\n", r, same ? "same" : "differs", (long) lseek(fd, 0, SEEK_CUR));
    printf("pread from 1 MiB + 5: %ld\n", (long) pread(fd, b, size, (1L << 20) + 5));
    printf("read at the end: %ld\n", (long) read(fd, b, size));

    char *m = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(m + (3L << 19), pg);   /* a hole at 1.5 MiB */
    r = pread(fd, m, size, 0);
    printf("pread into a buffer with a hole at 1.5 MiB: %ld\n", r);
    r = pread(fd, m + (3L << 19), size, 0);
    printf("pread starting in the hole: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");

    char *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    for (long i = 0; i < size; i += 1000) sh[i] = 'x';
    r = pread(fd, b, size, 0);
    same = 1;
    for (long i = 0; i < size; i += 1000) if (b[i] != 'x') { same = 0; break; }
    printf("pread after stores through MAP_SHARED: %ld, stores seen %d\n", r, same);
    unlink(path);
    return 0;
}
