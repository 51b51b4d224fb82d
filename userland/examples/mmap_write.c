/* mmap_write: the chapter's lazy-mapping fragment made whole: map a two-page file and store
 * to addr[0]; the store goes to the file.
 *
 *     int fd = open(...); //File is 2 Pages
 *     char* addr = mmap(..fd..);
 *     addr[0] = 'l';
 *
 * What it shows: mmap only reserves address space; the page is brought in by the page
 * fault of the first access, and with MAP_SHARED the store is the file's byte: read(2) sees
 * it at once, without msync. The second page is never touched, so it is never loaded.
 * What to look at: the output line "read(2) now sees: l..." and, with `vitrine run --stats`,
 * one file-backed fault (the first page only).
 * Fixed to compile: the "..." filled in: it creates mmap_write.dat (8192 bytes of 'x').
 * Outcome, on Linux and on Vitrine: "read(2) now sees: lxxxxxx".
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    int fd = open("mmap_write.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);   /* File is 2 Pages */
    if (fd < 0) { perror("open"); return 1; }
    char page[4096];
    memset(page, 'x', sizeof page);
    write(fd, page, sizeof page);
    write(fd, page, sizeof page);

    char *addr = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (addr == MAP_FAILED) { perror("mmap"); return 1; }
    addr[0] = 'l';

    char back[8] = {0};
    pread(fd, back, 7, 0);
    printf("read(2) now sees: %s\n", back);
    munmap(addr, 2 * 4096);
    close(fd);
    unlink("mmap_write.dat");
    return 0;
}
