/* fs_files: Regular files through the fd API and stdio: offsets, holes, O_APPEND, O_EXCL, O_TRUNC, stat sizes, truncate. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

static long size_of(const char *p) {
    struct stat st;
    if (stat(p, &st) < 0) return -errno;
    return (long) st.st_size;
}

int main(void) {
    char dir[] = "/tmp/fs_filesXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    umask(022);

    int fd = open("a.txt", O_CREAT | O_RDWR | O_TRUNC, 0666);
    check("open a.txt", fd);
    check("write", write(fd, "hello\n", 6));
    check("lseek cur", lseek(fd, 0, SEEK_CUR));
    check("lseek past end", lseek(fd, 100, SEEK_SET));
    printf("size after lseek past end: %ld\n", size_of("a.txt"));
    check("write at 100", write(fd, "X", 1));
    printf("size with hole: %ld\n", size_of("a.txt"));
    char buf[200];
    check("pread hole", pread(fd, buf, 200, 0));
    int zeros = 0;
    for (int i = 6; i < 100; i++) zeros += buf[i] == 0;
    printf("zeros in hole: %d, last byte %c\n", zeros, buf[100]);
    check("lseek negative", lseek(fd, -1, SEEK_SET));
    check("lseek bad whence", lseek(fd, 0, 7));
    check("lseek end-1", lseek(fd, -1, SEEK_END));
    check("read at end-1", read(fd, buf, 10));
    check("read at eof", read(fd, buf, 10));
    check("pwrite at 2", pwrite(fd, "LL", 2, 2));
    check("pread 0", pread(fd, buf, 6, 0));
    printf("content: %.5s\n", buf);
    check("pread negative", pread(fd, buf, 6, -1));
    check("ftruncate 3", ftruncate(fd, 3));
    printf("size after ftruncate: %ld\n", size_of("a.txt"));
    check("ftruncate 5000", ftruncate(fd, 5000));
    struct stat st;
    fstat(fd, &st);
    printf("fstat: size %ld blksize %ld regular %d mode %o nlink %ld\n", (long) st.st_size, (long) st.st_blksize,
           S_ISREG(st.st_mode), st.st_mode & 0777, (long) st.st_nlink);
    check("truncate path 0", truncate("a.txt", 0));
    check("close", close(fd));
    check("close again", close(fd));

    /* O_APPEND: writes go to the end even after lseek(0) and even for pwrite at 0. */
    fd = open("log", O_CREAT | O_WRONLY | O_APPEND, 0644);
    write(fd, "one\n", 4);
    lseek(fd, 0, SEEK_SET);
    write(fd, "two\n", 4);
    check("offset after append", lseek(fd, 0, SEEK_CUR));
    pwrite(fd, "three\n", 6, 0);
    close(fd);
    fd = open("log", O_RDONLY);
    int n = read(fd, buf, sizeof buf);
    printf("log (%d bytes):\n%.*s", n, n, buf);
    close(fd);

    /* Creation rules. */
    check("O_EXCL existing", open("log", O_CREAT | O_EXCL | O_WRONLY, 0644));
    check("missing without O_CREAT", open("nope", O_RDONLY));
    check("O_DIRECTORY on a file", open("log", O_RDONLY | O_DIRECTORY));
    check("mkdir d", mkdir("d", 0755));
    check("open dir O_WRONLY", open("d", O_WRONLY));
    check("open dir O_RDWR", open("d", O_RDWR));
    check("open dir O_CREAT", open("d", O_CREAT | O_RDONLY, 0644));
    int dfd = open("d", O_RDONLY | O_DIRECTORY);
    check("open dir O_RDONLY", dfd >= 0 ? 0 : -1);
    check("read a dir", read(dfd, buf, 10));
    close(dfd);
    check("file/ as dir", open("log/", O_RDONLY));
    check("create under a file", open("log/x", O_CREAT | O_RDWR, 0644));
    check("create name/", open("newdir/", O_CREAT | O_RDWR, 0644));
    fd = open("m", O_CREAT | O_WRONLY, 0777);
    fstat(fd, &st);
    printf("mode with umask 022: %o\n", st.st_mode & 0777);
    close(fd);
    umask(077);
    fd = open("m2", O_CREAT | O_WRONLY, 0666);
    fstat(fd, &st);
    printf("mode with umask 077: %o\n", st.st_mode & 0777);
    close(fd);
    printf("umask was %o\n", umask(022));
    fd = open("log", O_WRONLY | O_TRUNC);
    printf("size after O_TRUNC: %ld\n", size_of("log"));
    close(fd);

    /* stdio on top: fseek/ftell and the sizes stat sees after fclose. */
    FILE *f = fopen("stdio.txt", "w+");
    for (int i = 0; i < 1000; i++) fprintf(f, "line %d\n", i);
    printf("ftell after writes: %ld\n", ftell(f));
    printf("size before fflush: %ld\n", size_of("stdio.txt"));
    fflush(f);
    printf("size after fflush: %ld\n", size_of("stdio.txt"));
    fseek(f, 7, SEEK_SET);
    char line[64];
    fgets(line, sizeof line, f);
    printf("after fseek 7: %s", line);
    printf("ftell: %ld\n", ftell(f));
    fseek(f, -8, SEEK_END);
    fgets(line, sizeof line, f);
    printf("last line: %s", line);
    fclose(f);
    f = fopen("stdio.txt", "a");
    fputs("appended\n", f);
    printf("ftell in append: %ld\n", ftell(f));
    fclose(f);
    printf("final size: %ld\n", size_of("stdio.txt"));

    /* Big write and read back in odd chunks. */
    fd = open("big", O_CREAT | O_RDWR, 0644);
    static char big[300000];
    for (int i = 0; i < (int) sizeof big; i++) big[i] = (char) (i * 7);
    check("write big", write(fd, big, sizeof big));
    lseek(fd, 0, SEEK_SET);
    long sum = 0, total = 0;
    static char rb[4099];
    while ((n = read(fd, rb, sizeof rb)) > 0) {
        for (int i = 0; i < n; i++) sum += (unsigned char) rb[i];
        total += n;
    }
    printf("read back %ld bytes, sum %ld\n", total, sum);
    fstat(fd, &st);
    printf("big: size %ld blocks %ld\n", (long) st.st_size, (long) st.st_blocks);
    close(fd);

    const char *names[] = {"a.txt", "log", "m", "m2", "stdio.txt", "big"};
    for (int i = 0; i < 6; i++) unlink(names[i]);
    rmdir("d");
    chdir("/");
    check("rmdir tmpdir", rmdir(dir));
    return 0;
}
