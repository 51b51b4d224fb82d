/* fs_fds: Descriptors: lowest free fd, dup shares offset and O_APPEND but not FD_CLOEXEC, dup3 rules, F_DUPFD, (continued) */
/*
 * close_range, EMFILE, dup2 redirection of stdout, and the character devices. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/close_range.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

static void check(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

int main(void) {
    char dir[] = "/tmp/fs_fdsXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    int a = open("f", O_CREAT | O_RDWR, 0644);
    check("first open", a);
    int b = dup(a);
    check("dup", b);
    write(a, "0123456789", 10);
    check("offset seen through the dup", lseek(b, 0, SEEK_CUR));
    lseek(b, 2, SEEK_SET);
    char c;
    read(a, &c, 1);
    printf("read through the other after lseek: %c\n", c);
    check("F_SETFL O_APPEND on one", fcntl(a, F_SETFL, O_APPEND));
    printf("O_APPEND seen by the dup: %d\n", (fcntl(b, F_GETFL) & O_APPEND) != 0);
    check("F_SETFD FD_CLOEXEC on one", fcntl(a, F_SETFD, FD_CLOEXEC));
    printf("FD_CLOEXEC: original %d, dup %d\n", fcntl(a, F_GETFD), fcntl(b, F_GETFD));
    check("close 3", close(a));
    check("open takes the lowest free", open("f", O_RDONLY));
    check("dup3 onto 10 O_CLOEXEC", dup3(b, 10, O_CLOEXEC));
    check("F_GETFD 10", fcntl(10, F_GETFD));
    check("dup3 same fd", dup3(b, b, 0));
    check("dup2 same fd", dup2(b, b));
    check("dup3 bad flag", dup3(b, 11, 1));
    check("dup3 closed source", dup3(50, 11, 0));
    check("dup2 onto a huge fd", dup2(b, 1 << 20));
    check("F_DUPFD from 20", fcntl(b, F_DUPFD, 20));
    check("F_DUPFD_CLOEXEC from 20", fcntl(b, F_DUPFD_CLOEXEC, 20));
    check("F_GETFD 21", fcntl(21, F_GETFD));
    check("F_DUPFD negative", fcntl(b, F_DUPFD, -1));
    check("fcntl bad fd", fcntl(99, F_GETFD));
    check("fcntl bad cmd", fcntl(b, 12345));
    check("F_GETFL O_RDWR|O_APPEND", fcntl(b, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK));
    check("F_SETFL cannot change access mode", fcntl(b, F_SETFL, O_WRONLY | O_NONBLOCK));
    check("F_GETFL now", fcntl(b, F_GETFL) & (O_ACCMODE | O_APPEND | O_NONBLOCK));
    check("close_range 20..21", close_range(20, 21, 0));
    check("F_GETFD 20 after close_range", fcntl(20, F_GETFD));
    check("close_range CLOEXEC", close_range(10, 10, CLOSE_RANGE_CLOEXEC));
    check("close_range reversed", close_range(5, 4, 0));

    /* Fill the table: EMFILE, then one close frees one slot. */
    int last = -1, n;
    while ((n = open("/dev/null", O_RDONLY)) >= 0) last = n;
    printf("open until failure: %s\n", strerrorname_np(errno));
    close(last);
    check("one slot after a close", open("/dev/null", O_RDONLY) == last ? 0 : -1);
    check("dup at the limit", dup(0));
    close_range(11, ~0U, 0);

    /* dup2 redirection of stdout into a file, then back. */
    fflush(stdout);
    int saved = dup(1);
    int out = open("out", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    dup2(out, 1);
    close(out);
    printf("this line goes to the file\n");
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    int in = open("out", O_RDONLY);
    char buf[100];
    n = read(in, buf, sizeof buf);
    printf("file got %d bytes: %.*s", n, n, buf);
    close(in);

    /* Devices. */
    struct stat st;
    const char *devs[] = {"/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"};
    for (int i = 0; i < 5; i++) {
        stat(devs[i], &st);
        printf("%s: chr %d rdev %u:%u mode %o\n", devs[i], S_ISCHR(st.st_mode), major(st.st_rdev), minor(st.st_rdev),
               st.st_mode & 0777);
    }
    int z = open("/dev/zero", O_RDWR);
    memset(buf, 1, sizeof buf);
    check("read /dev/zero", read(z, buf, 64));
    printf("zeros: %d\n", buf[0] == 0 && buf[63] == 0 && buf[64] == 1);
    check("write /dev/zero", write(z, buf, 10));
    int f = open("/dev/full", O_WRONLY);
    check("write /dev/full", write(f, buf, 1));
    int nl = open("/dev/null", O_RDWR);
    check("read /dev/null", read(nl, buf, 10));
    check("write /dev/null", write(nl, buf, 10));
    check("lseek /dev/null", lseek(nl, 100, SEEK_SET));
    int r = open("/dev/urandom", O_RDONLY);
    check("read /dev/urandom", read(r, buf, 32));
    FILE *fp = fopen("/dev/full", "w");
    fputs("x", fp);
    check("fflush to /dev/full", fflush(fp) == 0 ? 0 : -1);
    fclose(fp);

    unlink("f");
    unlink("out");
    chdir("/");
    check("rmdir", rmdir(dir));
    return 0;
}
