/* pipe_single: one-process pipe semantics from LINUX-NOTES - capacity (F_GETPIPE_SZ, non-blocking fill counts by write size), EAGAIN, PIPE_BUF atomicity, FIONREAD, F_SETPIPE_SZ rounding, read after the writer closes, EPIPE with SIGPIPE ignored, fstat of a pipe. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

static char big[70000];

static long fill(int wfd, size_t chunk)
{
    long total = 0;
    for (;;) {
        ssize_t n = write(wfd, big, chunk);
        if (n < 0) { if (errno != EAGAIN) printf("  unexpected errno %d\n", errno); break; }
        total += n;
        if (n < (ssize_t)chunk) { printf("  partial write %zd of %zu\n", n, chunk); }
    }
    return total;
}

int main(void)
{
    memset(big, 'p', sizeof big);
    size_t chunks[] = {1, 100, 3000, 4095, 4096, 5000};
    for (unsigned i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        int p[2] = {-1, -1};
        pipe2(p, O_NONBLOCK);
        printf("F_GETPIPE_SZ %d\n", fcntl(p[1], F_GETPIPE_SZ));
        long got = fill(p[1], chunks[i]);
        int queued = -1;
        ioctl(p[0], FIONREAD, &queued);
        printf("chunk %zu: filled %ld, FIONREAD %d\n", chunks[i], got, queued);
        char buf[100];
        ssize_t r = read(p[0], buf, sizeof buf);
        errno = 0;
        ssize_t w = write(p[1], big, 4096);
        printf("  after reading %zd: write 4096 -> %zd %s\n", r, w, w < 0 ? strerror(errno) : "");
        close(p[0]); close(p[1]);
    }
    int p[2] = {-1, -1};
    pipe(p);
    printf("F_SETPIPE_SZ 4097 -> %d, 100000 -> %d, 0 -> %d\n", fcntl(p[1], F_SETPIPE_SZ, 4097), fcntl(p[1], F_SETPIPE_SZ, 100000), fcntl(p[1], F_SETPIPE_SZ, 0));
    printf("F_SETPIPE_SZ on stdin-like non-pipe: %d %s\n", fcntl(open("/dev/null", O_RDONLY), F_SETPIPE_SZ, 8192), strerror(errno));
    struct stat st;
    fstat(p[0], &st);
    printf("fstat pipe: fifo %d size %ld blksize %ld\n", S_ISFIFO(st.st_mode), (long)st.st_size, (long)st.st_blksize);
    write(p[1], "abc", 3);
    close(p[1]);
    char buf[10];
    ssize_t a = read(p[0], buf, 10), b = read(p[0], buf, 10);
    printf("read after writer closed: %zd then %zd\n", a, b);
    close(p[0]);
    pipe(p);
    signal(SIGPIPE, SIG_IGN);
    close(p[0]);
    errno = 0;
    ssize_t w = write(p[1], "x", 1);
    printf("write with no reader, SIGPIPE ignored: %zd %s\n", w, strerror(errno));
    close(p[1]);
    pipe2(p, O_NONBLOCK);
    errno = 0;
    ssize_t r = read(p[0], buf, 1);
    printf("empty non-blocking read: %zd %s\n", r, strerror(errno));
    printf("O_NONBLOCK flag set: %d\n", (fcntl(p[0], F_GETFL) & O_NONBLOCK) != 0);
    return 0;
}
