/* fs_dev_stdio: /dev/stdin, /dev/stdout, /dev/stderr and /proc/self/fd/N reopen the caller's open files (Linux's magic links): a pipe gives another end of the same pipe, a regular file a fresh offset, a socket ENXIO. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    char buf[128];
    int in = open("/dev/stdin", O_RDONLY);
    ssize_t n = in < 0 ? -1 : read(in, buf, sizeof buf - 1);
    printf("/dev/stdin: opened %d, read %zd: %.*s", in >= 0, n, (int) (n > 0 ? n : 0), buf);
    if (n <= 0) printf("\n");
    struct stat a, b;
    fstat(0, &a);
    fstat(in, &b);
    printf("same pipe as fd 0: %d, a FIFO: %d\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev, S_ISFIFO(b.st_mode));
    fflush(stdout);
    int out = open("/dev/stdout", O_WRONLY);
    printf("/dev/stdout opened: %d\n", out >= 0);
    fflush(stdout);
    if (out >= 0) write(out, "through /dev/stdout\n", 20);
    int err = open("/dev/stderr", O_WRONLY);
    if (err >= 0) write(err, "through /dev/stderr\n", 20);
    printf("/dev/stderr opened: %d\n", err >= 0);

    int p[2];
    pipe(p);
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[1]);
    int w2 = open(path, O_WRONLY);
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
    int r2 = open(path, O_RDONLY | O_NONBLOCK);
    close(p[1]);
    write(w2, "via the reopened end", 20);
    close(w2);
    n = read(p[0], buf, sizeof buf);
    printf("pipe: reopened write end delivers %zd bytes, then EOF %zd\n", n, read(p[0], buf, sizeof buf));
    errno = 0;
    printf("the reopened read end at EOF: %zd %s\n", read(r2, buf, 1), strerror(errno));
    snprintf(path, sizeof path, "/proc/self/fd/%d", p[0]);
    int rw = open(path, O_RDWR);
    printf("a pipe read end reopened O_RDWR: %d\n", rw >= 0);

    int f = open("/tmp/fs_dev_stdio.txt", O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(f, "abcdef", 6);
    snprintf(path, sizeof path, "/proc/self/fd/%d", f);
    int f2 = open(path, O_RDONLY);
    n = read(f2, buf, 3);
    printf("regular file reopened: its own offset, read %.*s\n", (int) n, buf);
    unlink("/tmp/fs_dev_stdio.txt");

    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    snprintf(path, sizeof path, "/proc/self/fd/%d", sv[0]);
    errno = 0;
    printf("socket reopened: %d %s\n", open(path, O_RDWR), strerror(errno));
    errno = 0;
    printf("a closed fd: %d %s\n", open("/proc/self/fd/77", O_RDONLY), strerror(errno));
    return 0;
}
