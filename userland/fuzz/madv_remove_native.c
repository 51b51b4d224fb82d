/* madv_remove_native: MADV_REMOVE punches a hole in a tmpfs file through a shared writable mapping (the range reads as zeros through the mapping and read); a private mapping is EACCES, a shared one of a descriptor open for writing takes it even read-only (VM_MAYWRITE), anonymous private memory and a locked area EINVAL (qemu-user answers every madvise 0 without doing it: the native build decides) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void) {
    char path[64];
    snprintf(path, sizeof path, "/dev/shm/madv_remove_%d", getpid());
    int fd = open(path, O_CREAT | O_RDWR, 0600);
    ftruncate(fd, 3 * 4096);
    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    memset(p, 'a', 3 * 4096);
    show("MADV_REMOVE the middle page", madvise(p + 4096, 4096, MADV_REMOVE));
    printf("mapping: %c %d %c\n", p[0], p[4096], p[2 * 4096]);
    char b[3];
    pread(fd, &b[0], 1, 0);
    pread(fd, &b[1], 1, 4096);
    pread(fd, &b[2], 1, 2 * 4096);
    printf("read: %c %d %c\n", b[0], b[1], b[2]);
    struct stat st;
    fstat(fd, &st);
    printf("size %ld\n", (long) st.st_size);
    p[4096] = 'b';
    pread(fd, &b[1], 1, 4096);
    printf("a store after the hole reads back: %c\n", b[1]);

    char *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    show("private file mapping", madvise(priv, 4096, MADV_REMOVE));
    char *ro = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 0);
    show("read-only shared mapping", madvise(ro, 4096, MADV_REMOVE));
    char *anon = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("anonymous private memory", madvise(anon, 4096, MADV_REMOVE));
    mlock(p, 4096);
    show("a locked area", madvise(p, 4096, MADV_REMOVE));
    munlock(p, 4096);
    show("unaligned", madvise(p + 1, 4096, MADV_REMOVE));
    unlink(path);
    return 0;
}
