/* fifo_basic: Named pipes in one process: mkfifo and the umask, EEXIST, the open rules that never block (continued) */
/*
 * (O_RDWR, O_RDONLY|O_NONBLOCK, ENXIO for O_WRONLY|O_NONBLOCK without a reader), data through
 * an O_RDWR open, discard at last close, and an unlinked FIFO that keeps working. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

int main(void) {
    char dir[] = "/tmp/fifo_basicXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    umask(027);
    check("mkfifo", mkfifo("fifo", 0666));
    check("mkfifo again", mkfifo("fifo", 0666));
    struct stat st;
    stat("fifo", &st);
    printf("stat: fifo %d mode %o size %ld nlink %ld\n", S_ISFIFO(st.st_mode), st.st_mode & 0777, (long) st.st_size,
           (long) st.st_nlink);
    check("mknod S_IFIFO", mknod("fifo2", S_IFIFO | 0600, 0));
    check("mknod S_IFREG", mknod("plain", S_IFREG | 0600, 0));
    stat("plain", &st);
    printf("mknod regular: reg %d size %ld\n", S_ISREG(st.st_mode), (long) st.st_size);

    check("O_WRONLY|O_NONBLOCK without reader", open("fifo", O_WRONLY | O_NONBLOCK));
    int rd = open("fifo", O_RDONLY | O_NONBLOCK);
    check("O_RDONLY|O_NONBLOCK without writer", rd >= 0 ? 0 : -1);
    char buf[64];
    check("read, no writer ever", read(rd, buf, sizeof buf));
    struct pollfd pfd = {rd, POLLIN, 0};
    poll(&pfd, 1, 0);
    printf("poll before any writer: %#x\n", pfd.revents);
    int wr = open("fifo", O_WRONLY | O_NONBLOCK);
    check("O_WRONLY|O_NONBLOCK with a reader", wr >= 0 ? 0 : -1);
    check("read, writer idle", read(rd, buf, sizeof buf));
    check("write", write(wr, "through the fifo\n", 17));
    int n = -1;
    ioctl(rd, FIONREAD, &n);
    printf("FIONREAD %d\n", n);
    n = read(rd, buf, sizeof buf);
    printf("read %d: %.*s", n, n, buf);
    check("lseek fifo", lseek(rd, 0, SEEK_SET));
    close(wr);
    pfd.revents = 0;
    poll(&pfd, 1, 0);
    printf("poll after the writer left: %#x\n", pfd.revents);
    check("read after writer closed", read(rd, buf, sizeof buf));
    close(rd);

    /* O_RDWR never blocks; data written and the last close discards what is left. */
    int both = open("fifo", O_RDWR);
    check("O_RDWR", both >= 0 ? 0 : -1);
    check("F_GETFL O_RDWR", fcntl(both, F_GETFL) & O_ACCMODE);
    check("write to self", write(both, "Hello!", 6));
    n = read(both, buf, 3);
    printf("read %d: %.*s\n", n, n, buf);
    write(both, "left over", 9);
    close(both);
    rd = open("fifo", O_RDONLY | O_NONBLOCK);
    check("read after last close (data discarded)", read(rd, buf, sizeof buf));
    close(rd);
    check("F_GETPIPE_SZ on a FIFO", fcntl((both = open("fifo", O_RDWR)), F_GETPIPE_SZ));

    /* Unlinked while open: still a pipe. */
    check("unlink", unlink("fifo"));
    check("write after unlink", write(both, "ghost", 5));
    n = read(both, buf, sizeof buf);
    printf("read %d: %.*s\n", n, n, buf);
    fstat(both, &st);
    printf("fstat after unlink: fifo %d nlink %ld\n", S_ISFIFO(st.st_mode), (long) st.st_nlink);
    close(both);

    check("open O_TRUNC|O_RDWR on fifo", (both = open("fifo2", O_RDWR | O_TRUNC)) >= 0 ? 0 : -1);
    close(both);
    unlink("fifo2");
    unlink("plain");
    chdir("/");
    check("rmdir", rmdir(dir));
    return 0;
}
