/* fs_copy: In-kernel copies: sendfile (file to pipe and to file, with and without an offset pointer), (continued) */
/*
 * copy_file_range, splice between a pipe and a file, and their error cases. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <unistd.h>

static void check(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

int main(void) {
    char dir[] = "/tmp/fs_copyXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    int src = open("src", O_CREAT | O_RDWR, 0644);
    for (int i = 0; i < 1000; i++) dprintf(src, "%03d,", i);
    lseek(src, 0, SEEK_SET);
    int dst = open("dst", O_CREAT | O_RDWR | O_TRUNC, 0644);
    check("sendfile 100 to a file", sendfile(dst, src, NULL, 100));
    check("src offset moved", lseek(src, 0, SEEK_CUR));
    off_t off = 400;
    check("sendfile with offset", sendfile(dst, src, &off, 8));
    printf("offset now %ld, src offset still %ld\n", (long) off, (long) lseek(src, 0, SEEK_CUR));
    char buf[200];
    int n = pread(dst, buf, sizeof buf, 96);
    printf("dst tail: %.*s\n", n, buf);
    int p[2];
    pipe(p);
    check("sendfile to a pipe", sendfile(p[1], src, NULL, 20));
    n = read(p[0], buf, sizeof buf);
    printf("pipe got: %.*s\n", n, buf);
    check("sendfile from a pipe", sendfile(dst, p[0], NULL, 10));
    check("sendfile at EOF", sendfile(dst, src, &(off_t) {4000}, 10));
    off_t in = 0, out = 1000;
    check("copy_file_range", copy_file_range(src, &in, dst, &out, 12, 0));
    printf("in %ld out %ld\n", (long) in, (long) out);
    n = pread(dst, buf, 12, 1000);
    printf("copied: %.*s\n", n, buf);
    check("copy_file_range flags", copy_file_range(src, NULL, dst, NULL, 12, 1));
    check("copy_file_range to a pipe", copy_file_range(src, NULL, p[1], NULL, 12, 0));
    check("splice file -> pipe", splice(src, NULL, p[1], NULL, 16, 0));
    check("splice pipe -> file", splice(p[0], NULL, dst, &(loff_t) {2000}, 100, 0));
    n = pread(dst, buf, 16, 2000);
    printf("spliced: %.*s\n", n, buf);
    check("splice with an offset on the pipe", splice(p[0], &(loff_t) {0}, dst, NULL, 1, 0));
    check("splice file -> file", splice(src, NULL, dst, NULL, 1, 0));
    check("splice empty pipe nonblock", splice(p[0], NULL, dst, NULL, 10, SPLICE_F_NONBLOCK));
    close(p[1]);
    check("splice at EOF", splice(p[0], NULL, dst, NULL, 10, 0));
    unlink("src");
    unlink("dst");
    chdir("/");
    rmdir(dir);
    return 0;
}
