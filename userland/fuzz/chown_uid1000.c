/* chown_uid1000: chown, getresuid and the groups calls as an unprivileged user (uid and gid 1000, no supplementary groups) sees them; run natively under setpriv as the oracle. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sys/syscall.h>

static void show(const char *what, int r) {
    if (r < 0) printf("%-40s -1 %s\n", what, strerrorname_np(errno));
    else printf("%-40s %d\n", what, r);
}

static void mode(const char *what, const char *p) {
    struct stat st;
    if (lstat(p, &st) < 0) { printf("%-40s lstat %s\n", what, strerrorname_np(errno)); return; }
    printf("%-40s mode %04o uid %u gid %u\n", what, st.st_mode & 07777, st.st_uid, st.st_gid);
}

int main(void) {
    char f[64], d[64], l[64];
    snprintf(f, sizeof f, "/tmp/chown_u_%d", getpid());
    snprintf(d, sizeof d, "/tmp/chown_ud_%d", getpid());
    snprintf(l, sizeof l, "/tmp/chown_ul_%d", getpid());
    umask(0);
    int fd = open(f, O_CREAT | O_RDWR | O_EXCL, 0644);
    mkdir(d, 0755);
    symlink(f, l);

    uid_t r, e, s;
    gid_t gr, ge, gs;
    show("getresuid", getresuid(&r, &e, &s));
    printf("uids %u %u %u\n", r, e, s);
    show("getresgid", getresgid(&gr, &ge, &gs));
    printf("gids %u %u %u\n", gr, ge, gs);
    gid_t list[4];
    show("getgroups(0)", getgroups(0, NULL));
    show("getgroups(4)", getgroups(4, list));
    show("getgroups(-1)", (int) syscall(SYS_getgroups, -1, list));
    show("setgroups(0)", setgroups(0, NULL));
    gid_t g1000 = 1000;
    show("setgroups(1, {1000})", setgroups(1, &g1000));

    show("chown own -> 1000:1000", chown(f, 1000, 1000));
    show("chown own -> -1:-1", chown(f, -1, -1));
    show("chown own -> 0:-1", chown(f, 0, -1));
    show("chown own -> 1001:-1", chown(f, 1001, -1));
    show("chown own -> -1:0", chown(f, -1, 0));
    show("chown own -> -1:1001", chown(f, -1, 1001));
    show("fchown own -> 1000:1000", fchown(fd, 1000, 1000));
    show("fchown own -> 0:0", fchown(fd, 0, 0));
    mode("file", f);

    chmod(f, 04755);
    show("setuid file: chown -1:-1", chown(f, -1, -1));
    mode("setuid cleared", f);
    chmod(f, 02755);
    show("setgid g+x file: fchown 1000:-1", fchown(fd, 1000, -1));
    mode("setgid g+x cleared", f);
    chmod(f, 02745);
    show("setgid g-x file: chown -1:1000", chown(f, -1, 1000));
    mode("setgid g-x kept", f);
    chmod(f, 06755);
    show("setuid refused chown keeps bits", chown(f, 0, -1));
    mode("still set", f);
    chmod(d, 02755);
    show("setgid dir: chown 1000:1000", chown(d, 1000, 1000));
    mode("dir keeps setgid", d);

    show("lchown link -> 1000:1000", lchown(l, 1000, 1000));
    show("lchown link -> 0:-1", lchown(l, 0, -1));
    show("fchownat NOFOLLOW link", fchownat(AT_FDCWD, l, -1, 1000, AT_SYMLINK_NOFOLLOW));

    show("chown / -> -1:-1", chown("/", -1, -1));
    show("chown / -> 1000:-1", chown("/", 1000, -1));
    show("chown / -> -1:1000", chown("/", -1, 1000));
    show("chown /dev/null -> -1:-1", chown("/dev/null", -1, -1));
    show("chown /dev/null -> 1000:1000", chown("/dev/null", 1000, 1000));

    int op = open(f, O_PATH);
    show("fchown O_PATH fd", fchown(op, -1, -1));
    show("fchownat O_PATH fd AT_EMPTY_PATH", fchownat(op, "", 1000, 1000, AT_EMPTY_PATH));
    show("fchownat O_PATH fd AT_EMPTY_PATH 0:0", fchownat(op, "", 0, 0, AT_EMPTY_PATH));
    int p[2];
    pipe(p);
    show("fchown pipe -> 1000:1000", fchown(p[0], 1000, 1000));
    show("fchown pipe -> 0:-1", fchown(p[0], 0, -1));

    unlink(l);
    unlink(f);
    rmdir(d);
    return 0;
}
