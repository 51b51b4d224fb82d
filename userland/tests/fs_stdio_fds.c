/* fs_stdio_fds: fds 0-2 when a harness pipes them (as a shell's redirection would): pipes, not terminals; (continued) */
/*
 * stdin read to its end through read(2) and stdio, lseek ESPIPE, and the access modes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

int main(void) {
    struct stat st;
    for (int fd = 0; fd < 3; fd++) {
        fstat(fd, &st);
        printf("fd %d: fifo %d chr %d isatty %d accmode %d blksize %ld\n", fd, S_ISFIFO(st.st_mode), S_ISCHR(st.st_mode),
               isatty(fd), fcntl(fd, F_GETFL) & O_ACCMODE, (long) st.st_blksize);
    }
    struct termios t;
    printf("tcgetattr(0): %s\n", tcgetattr(0, &t) < 0 ? strerrorname_np(errno) : "ok");
    printf("lseek(0): %s\n", lseek(0, 0, SEEK_CUR) < 0 ? strerrorname_np(errno) : "ok");
    char buf[8];
    ssize_t n = read(0, buf, 5);
    printf("read(0, 5): %zd \"%.*s\"\n", n, (int) n, buf);
    char line[256];
    int lines = 0;
    size_t bytes = 0;
    while (fgets(line, sizeof line, stdin)) { lines++; bytes += strlen(line); }
    printf("stdio read %d lines, %zu bytes, then eof %d\n", lines, bytes, feof(stdin));
    printf("read at EOF: %zd\n", read(0, buf, 8));
    fprintf(stderr, "to stderr\n");
    return 0;
}
