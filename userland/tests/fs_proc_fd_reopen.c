/* fs_proc_fd_reopen: /proc/self/fd/N is a magic link: opening it reaches the descriptor's own file even when its name is gone (an unlinked file, a memfd), with its data and inode, O_TRUNC included; a directory's link works as a path prefix */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, long r) { printf("%s: %s\n", what, r < 0 ? strerrorname_np(errno) : "ok"); }

int main(void) {
    char p[128], name[64], buf[16];
    struct stat a, b;
    snprintf(name, sizeof name, "/tmp/fs_proc_fd_reopen.%d", getpid());
    int f = open(name, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (write(f, "hello", 5) != 5) return 1;
    unlink(name);
    snprintf(p, sizeof p, "/proc/self/fd/%d", f);
    int g = open(p, O_RDONLY);
    show("reopen an unlinked file", g);
    memset(buf, 0, sizeof buf);
    printf("reads \"%s\"\n", read(g, buf, sizeof buf - 1) >= 0 ? buf : "?");
    fstat(f, &a);
    fstat(g, &b);
    printf("same inode: %d, links %ld\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev, (long) b.st_nlink);

    int m = memfd_create("m", MFD_ALLOW_SEALING);
    if (write(m, "abc", 3) != 3) return 1;
    snprintf(p, sizeof p, "/proc/self/fd/%d", m);
    int m2 = open(p, O_RDWR);
    show("reopen a memfd", m2);
    memset(buf, 0, sizeof buf);
    printf("reads \"%s\"\n", read(m2, buf, sizeof buf - 1) >= 0 ? buf : "?");
    int m3 = open(p, O_RDWR | O_CREAT | O_TRUNC, 0600);
    show("reopen it with O_CREAT|O_TRUNC", m3);
    fstat(m, &a);
    printf("size after O_TRUNC: %ld\n", (long) a.st_size);
    fcntl(m, F_ADD_SEALS, F_SEAL_SHRINK);
    if (write(m, "xyz", 3) != 3) return 1;
    show("O_TRUNC of a shrink-sealed memfd", open(p, O_RDWR | O_TRUNC));

    int d = open("/tmp", O_RDONLY | O_DIRECTORY);
    snprintf(name, sizeof name, "fs_proc_fd_reopen.%d.b", getpid());
    int c = openat(d, name, O_RDWR | O_CREAT, 0600);
    snprintf(p, sizeof p, "/proc/self/fd/%d/%s", d, name);
    show("a file under a directory's link", stat(p, &b));
    fstat(c, &a);
    printf("same inode: %d\n", a.st_ino == b.st_ino);
    unlinkat(d, name, 0);
    snprintf(p, sizeof p, "/proc/self/fd/%d/", f);
    show("a file's link with a slash", open(p, O_RDONLY));
    return 0;
}
