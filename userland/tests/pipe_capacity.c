/* pipe_capacity: One process, one pipe: capacity in 16 page slots, F_SETPIPE_SZ rounding and EBUSY, PIPE_BUF atomicity, (continued) */
/*
 * non-blocking EAGAIN and partial writes, FIONREAD, EOF, fstat, lseek and wrong-end errors, poll readiness. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

static void check(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

static char buf[1 << 20];

/* Fills a fresh non-blocking pipe with writes of `chunk` bytes; returns the total that fit. */
static long fill(int chunk, int size) {
    int p[2];
    pipe2(p, O_NONBLOCK);
    if (size) fcntl(p[1], F_SETPIPE_SZ, size);
    long total = 0;
    ssize_t r;
    while ((r = write(p[1], buf, chunk)) > 0) total += r;
    int e = errno;
    int queued = -1;
    ioctl(p[0], FIONREAD, &queued);
    printf("fill %d-byte writes (pipe %d): %ld bytes, then %s; FIONREAD %d\n", chunk, fcntl(p[0], F_GETPIPE_SZ), total,
           strerrorname_np(e), queued);
    close(p[0]);
    close(p[1]);
    return total;
}

static int revents(int fd, short events) {
    struct pollfd pfd = {fd, events, 0};
    int n = poll(&pfd, 1, 0);
    return n < 0 ? -errno : pfd.revents;
}

int main(void) {
    memset(buf, 'x', sizeof buf);
    int sizes[] = {1, 100, 3000, 4095, 4096, 4097, 10000, 65536, 100000};
    for (int i = 0; i < 9; i++) fill(sizes[i], 0);
    fill(100, 4097);
    fill(1, 100000);
    fill(5000, 8192);

    int p[2];
    check("pipe", pipe(p));
    check("F_GETPIPE_SZ", fcntl(p[0], F_GETPIPE_SZ));
    check("F_SETPIPE_SZ 1", fcntl(p[0], F_SETPIPE_SZ, 1));
    check("F_SETPIPE_SZ 4097", fcntl(p[1], F_SETPIPE_SZ, 4097));
    check("F_SETPIPE_SZ 100000", fcntl(p[1], F_SETPIPE_SZ, 100000));
    check("F_GETPIPE_SZ", fcntl(p[1], F_GETPIPE_SZ));
    check("F_SETPIPE_SZ 0", fcntl(p[1], F_SETPIPE_SZ, 0));
    check("F_GETPIPE_SZ after 0", fcntl(p[1], F_GETPIPE_SZ));
    check("F_SETPIPE_SZ 65536", fcntl(p[1], F_SETPIPE_SZ, 65536));
    /* Queue three slots' worth, then try to shrink to two pages. */
    for (int i = 0; i < 3; i++) write(p[1], buf, 4096);
    check("shrink below queued", fcntl(p[1], F_SETPIPE_SZ, 8192));
    check("shrink to queued", fcntl(p[1], F_SETPIPE_SZ, 16384));
    int fl = open("/dev/null", O_RDONLY);
    check("F_GETPIPE_SZ on /dev/null", fcntl(fl, F_GETPIPE_SZ));
    check("F_SETPIPE_SZ on /dev/null", fcntl(fl, F_SETPIPE_SZ, 4096));
    close(fl);

    struct stat st;
    fstat(p[0], &st);
    printf("fstat pipe: fifo %d size %ld blksize %ld mode %o\n", S_ISFIFO(st.st_mode), (long) st.st_size,
           (long) st.st_blksize, st.st_mode & 0777);
    struct stat st2;
    fstat(p[1], &st2);
    printf("both ends one inode: %d\n", st.st_ino == st2.st_ino && st.st_dev == st2.st_dev);
    check("lseek pipe", lseek(p[0], 0, SEEK_CUR));
    check("pread pipe", pread(p[0], buf, 1, 0));
    check("read write end", read(p[1], buf, 1));
    check("write read end", write(p[0], "x", 1));
    check("F_GETFL read end", fcntl(p[0], F_GETFL));
    check("F_GETFL write end", fcntl(p[1], F_GETFL));
    int q = -1;
    ioctl(p[0], FIONREAD, &q);
    printf("FIONREAD: %d\n", q);
    printf("poll read end: %#x, write end: %#x\n", revents(p[0], POLLIN | POLLOUT), revents(p[1], POLLIN | POLLOUT));
    check("read 5000", read(p[0], buf, 5000));
    check("read rest", read(p[0], buf, sizeof buf));
    fcntl(p[0], F_SETFL, O_NONBLOCK);
    check("F_GETFL after O_NONBLOCK", fcntl(p[0], F_GETFL));
    check("read empty, writer open", read(p[0], buf, 10));
    printf("poll empty: %#x\n", revents(p[0], POLLIN));

    /* PIPE_BUF: a non-blocking write of <= 4096 bytes goes in whole or not at all; larger ones split. */
    int r[2];
    pipe2(r, O_NONBLOCK);
    long t = 0;
    for (int i = 0; i < 15; i++) t += write(r[1], buf, 4096);
    t += write(r[1], buf, 4000);
    printf("queued %ld\n", t);
    check("write 100 (fits the last slot)", write(r[1], buf, 96));
    check("write 1 (no room)", write(r[1], buf, 1));
    read(r[0], buf, 4096);
    check("write 4096 after one slot freed", write(r[1], buf, 4096));
    read(r[0], buf, 8192);
    check("write 10000 with 2 slots free", write(r[1], buf, 10000));
    printf("poll full write end: %#x\n", revents(r[1], POLLOUT));

    /* A pipe is a byte stream: writes coalesce. */
    int s[2];
    pipe(s);
    write(s[1], "abc", 3);
    write(s[1], "def", 3);
    writev(s[1], (struct iovec[]) {{"gh", 2}, {"ij", 2}}, 2);
    char small[32] = {0};
    check("read coalesced", read(s[0], small, sizeof small));
    printf("got: %s\n", small);

    /* EOF once no writer is left; poll says POLLHUP. */
    write(s[1], "last", 4);
    close(s[1]);
    printf("poll after writer closed: %#x\n", revents(s[0], POLLIN));
    check("read the rest", read(s[0], small, sizeof small));
    check("read at EOF", read(s[0], small, sizeof small));
    printf("poll at EOF: %#x\n", revents(s[0], POLLIN));

    /* select on the same. */
    int u[2];
    pipe(u);
    fd_set rd, wr;
    FD_ZERO(&rd); FD_ZERO(&wr);
    FD_SET(u[0], &rd); FD_SET(u[1], &wr);
    struct timeval tv = {0, 0};
    int n = select(u[1] + 1, &rd, &wr, NULL, &tv);
    printf("select: %d ready, read %d write %d\n", n, FD_ISSET(u[0], &rd) != 0, FD_ISSET(u[1], &wr) != 0);
    write(u[1], "z", 1);
    FD_ZERO(&rd); FD_SET(u[0], &rd);
    n = select(u[0] + 1, &rd, NULL, NULL, &tv);
    printf("select after write: %d ready, read %d\n", n, FD_ISSET(u[0], &rd) != 0);

    /* Write end with no reader left: EPIPE (SIGPIPE is the subject of pipe_sigpipe). */
    close(r[0]);
    printf("poll write end without reader: %#x\n", revents(r[1], POLLOUT));
    return 0;
}
