/* mm_file_cache: The page cache is filled by write() and read() too: a fresh mapping of a file just (continued) */
/*
 * written finds its pages resident (mincore) before touching them. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    const char *path = "/tmp/mm_file_cache.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    char page[4096];
    for (int i = 0; i < 3; i++) {
        memset(page, 'a' + i, sizeof page);
        write(fd, page, sizeof page);
    }
    char *m = mmap(NULL, 3 * 4096, PROT_READ, MAP_SHARED, fd, 0);
    unsigned char vec[3];
    mincore(m, 3 * 4096, vec);
    printf("resident before any touch: %d%d%d\n", vec[0] & 1, vec[1] & 1, vec[2] & 1);
    printf("contents: %c %c %c\n", m[0], m[4096], m[8191 + 4096]);
    pwrite(fd, "ZZ", 2, 4096);
    printf("after pwrite: %.3s\n", m + 4096);
    char back[4];
    pread(fd, back, 3, 4095);
    printf("pread across pages: %.3s\n", back);
    ftruncate(fd, 4096 + 10);
    printf("after ftruncate, the tail of page 1 reads zero: %d\n", m[4096 + 10]);
    unlink(path);
    return 0;
}
