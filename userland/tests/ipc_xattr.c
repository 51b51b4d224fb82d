/* ipc_xattr: extended attributes on tmpfs (/dev/shm) for an unprivileged user: user.* on files and directories (create, replace, list, remove, sizes), what symlinks, other users' namespaces and other file systems answer, and the errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static void list(const char *what, const char *path) {
    char buf[512];
    long n = listxattr(path, buf, sizeof buf);
    printf("%s:", what);
    if (n < 0) { printf(" -1 %s\n", strerrorname_np(errno)); return; }
    for (long i = 0; i < n; i += strlen(buf + i) + 1) printf(" %s", buf + i);
    printf(" (%ld bytes)\n", n);
}

int main(void) {
    char f[64], d[64], l[64];
    snprintf(f, sizeof f, "/dev/shm/xattr-%d", getpid());
    snprintf(d, sizeof d, "/dev/shm/xattr-dir-%d", getpid());
    snprintf(l, sizeof l, "/dev/shm/xattr-link-%d", getpid());
    int fd = open(f, O_CREAT | O_RDWR, 0600);
    mkdir(d, 0700);
    symlink(f, l);

    list("fresh", f);
    show("set user.a", setxattr(f, "user.a", "alpha", 5, 0));
    show("set user.b empty", setxattr(f, "user.b", "", 0, 0));
    show("set user.a CREATE", setxattr(f, "user.a", "x", 1, XATTR_CREATE));
    show("set user.c REPLACE", setxattr(f, "user.c", "x", 1, XATTR_REPLACE));
    show("set user.a REPLACE", setxattr(f, "user.a", "alpha-2", 7, XATTR_REPLACE));
    show("flags 4", setxattr(f, "user.a", "x", 1, 4));
    char v[64] = {0};
    show("get user.a size", getxattr(f, "user.a", NULL, 0));
    show("get user.a", getxattr(f, "user.a", v, sizeof v));
    printf("value: %s\n", v);
    show("get user.a small buffer", getxattr(f, "user.a", v, 3));
    show("get user.b", getxattr(f, "user.b", v, sizeof v));
    show("get user.none", getxattr(f, "user.none", v, sizeof v));
    show("fgetxattr", fgetxattr(fd, "user.a", v, sizeof v));
    show("fsetxattr user.z", fsetxattr(fd, "user.z", "zz", 2, 0));
    list("three", f);
    show("list size", listxattr(f, NULL, 0));
    char small[4];
    show("list small buffer", listxattr(f, small, sizeof small));
    show("flistxattr", flistxattr(fd, NULL, 0));
    show("through the symlink", getxattr(l, "user.a", v, sizeof v));
    show("lgetxattr on the symlink", lgetxattr(l, "user.a", v, sizeof v));
    show("lsetxattr user on the symlink", lsetxattr(l, "user.a", "x", 1, 0));
    show("llistxattr", llistxattr(l, NULL, 0));
    show("remove user.b", removexattr(f, "user.b"));
    show("remove user.b again", removexattr(f, "user.b"));
    show("fremovexattr user.z", fremovexattr(fd, "user.z"));
    list("one left", f);

    show("dir user.d", setxattr(d, "user.d", "dir", 3, 0));
    list("dir", d);
    show("trusted.t set", setxattr(f, "trusted.t", "t", 1, 0));
    show("trusted.t get", getxattr(f, "trusted.t", v, sizeof v));
    show("security.s set", setxattr(f, "security.s", "s", 1, 0));
    show("security.s get", getxattr(f, "security.s", v, sizeof v));
    show("unknown prefix set", setxattr(f, "foo.bar", "x", 1, 0));
    show("unknown prefix get", getxattr(f, "foo.bar", v, sizeof v));
    show("no prefix", setxattr(f, "plain", "x", 1, 0));
    show("empty name", setxattr(f, "", "x", 1, 0));
    char longname[300];
    memcpy(longname, "user.", 5);
    memset(longname + 5, 'n', 250);
    longname[255] = 0;
    show("name of 255", setxattr(f, longname, "x", 1, 0));
    longname[255] = 'n';
    longname[256] = 0;
    show("name of 256", setxattr(f, longname, "x", 1, 0));
    static char big[65537];
    show("value of 65536", setxattr(f, "user.big", big, 65536, 0));
    show("value of 65537", setxattr(f, "user.big", big, 65537, 0));
    show("get it", getxattr(f, "user.big", big, 65536));
    show("remove it", removexattr(f, "user.big"));
    show("bad name pointer", setxattr(f, (char *) 8, "x", 1, 0));
    char *volatile badp = (char *) 8;
    show("bad value pointer", setxattr(f, "user.q", badp, 1, 0));
    show("bad get buffer", getxattr(f, "user.a", badp, 64));
    show("missing file", setxattr("/dev/shm/no/such", "user.a", "x", 1, 0));

    chmod(f, 0400);
    show("user.* on a read-only file", setxattr(f, "user.w", "x", 1, 0));
    show("get on a read-only file", getxattr(f, "user.a", v, sizeof v));
    chmod(f, 0000);
    show("get on mode 0", getxattr(f, "user.a", v, sizeof v));
    show("list on mode 0", listxattr(f, NULL, 0));
    chmod(f, 0600);

    int p[2];
    pipe(p);
    show("pipe get", fgetxattr(p[0], "user.a", v, sizeof v));
    show("pipe set", fsetxattr(p[0], "user.a", "x", 1, 0));
    show("pipe list", flistxattr(p[0], NULL, 0));
    int op = open(f, O_PATH);
    show("O_PATH fd", fgetxattr(op, "user.a", v, sizeof v));
    show("bad fd", fgetxattr(99, "user.a", v, sizeof v));

    unlink(l);
    unlink(f);
    rmdir(d);
    return 0;
}
