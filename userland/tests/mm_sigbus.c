/* mm_sigbus: A mapping longer than its file: the page wholly beyond end of file is SIGBUS (killed: 135). */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    int fd = open("/tmp/mm_sigbus.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "short file", 10);
    char *p = mmap(NULL, 3 * 4096, PROT_READ, MAP_SHARED, fd, 0);
    unlink("/tmp/mm_sigbus.dat");
    printf("mapped 3 pages of a 10-byte file: %d\n", p != MAP_FAILED);
    printf("first page: %.10s, past the end in it: %d\n", p, p[4095]);
    fflush(stdout);
    volatile char c = p[4096];
    printf("not reached %d\n", c);
    return 0;
}
