/* fs_statfs: statfs/fstatfs of /proc, /dev and a pipe (f_type, f_bsize, f_namelen), their errnos, getresuid's shape, and chown's errnos and set-uid clearing that a root and a non-root caller share. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%-36s -1 %s\n", what, strerrorname_np(errno));
    else printf("%-36s %ld\n", what, r);
}

static void fs(const char *what, int r, const struct statfs *s) {
    if (r < 0) { printf("%-36s -1 %s\n", what, strerrorname_np(errno)); return; }
    printf("%-36s type %#lx bsize %ld namelen %ld frsize %ld rdonly %ld valid %ld\n", what, (long) s->f_type,
           (long) s->f_bsize, (long) s->f_namelen, (long) s->f_frsize, (long) (s->f_flags & ST_RDONLY),
           (long) !!(s->f_flags & 0x20));
}

int main(void) {
    struct statfs s;
    memset(&s, 0, sizeof s);
    fs("statfs /proc", statfs("/proc", &s), &s);
    fs("statfs /proc/self/status", statfs("/proc/self/status", &s), &s);
    fs("statfs /dev", statfs("/dev", &s), &s);
    int dn = open("/dev/null", O_RDONLY);
    fs("fstatfs /dev/null", fstatfs(dn, &s), &s);
    int p[2];
    pipe(p);
    fs("fstatfs pipe", fstatfs(p[0], &s), &s);
    int op = open("/proc", O_PATH);
    fs("fstatfs O_PATH /proc", fstatfs(op, &s), &s);
    show("statfs /", statfs("/", &s));
    printf("/ namelen %ld rdonly %ld\n", (long) s.f_namelen, (long) (s.f_flags & ST_RDONLY));

    char f[64];
    snprintf(f, sizeof f, "/tmp/fs_statfs_%d", getpid());
    int fd = open(f, O_CREAT | O_RDWR | O_TRUNC, 0644);
    char under[80];
    snprintf(under, sizeof under, "%s/x", f);
    show("statfs missing", syscall(SYS_statfs, "/nonexistent/x", &s));
    show("statfs through a file", syscall(SYS_statfs, under, &s));
    show("statfs bad buffer", syscall(SYS_statfs, "/proc", (void *) 8));
    show("statfs bad path", syscall(SYS_statfs, (void *) 8, &s));
    show("fstatfs bad fd", syscall(SYS_fstatfs, -1, &s));
    show("fstatfs closed fd", syscall(SYS_fstatfs, 999, &s));
    show("fstatfs bad buffer", syscall(SYS_fstatfs, dn, (void *) 8));

    unsigned r = 7, e = 8, sv = 9, gr = 7, ge = 8, gs = 9;
    show("getresuid", syscall(SYS_getresuid, &r, &e, &sv));
    printf("uids agree with getuid: %d\n", r == e && e == sv && r == getuid());
    show("getresgid", syscall(SYS_getresgid, &gr, &ge, &gs));
    printf("gids agree with getgid: %d\n", gr == ge && ge == gs && gr == getgid());
    show("getresuid bad pointer", syscall(SYS_getresuid, &r, (void *) 8, &sv));
    show("getgroups(-1)", syscall(SYS_getgroups, -1, NULL));

    show("chown own file -1:-1", chown(f, -1, -1));
    show("chown missing", chown("/nonexistent/x", -1, -1));
    show("chown through a file", chown(under, -1, -1));
    show("fchownat bad flags", syscall(SYS_fchownat, AT_FDCWD, f, -1, -1, 0x4));
    show("fchownat empty path", syscall(SYS_fchownat, AT_FDCWD, "", -1, -1, 0));
    show("fchownat empty path EMPTY_PATH", syscall(SYS_fchownat, fd, "", -1, -1, AT_EMPTY_PATH));
    show("fchownat bad dirfd", syscall(SYS_fchownat, 999, "x", -1, -1, 0));
    show("fchownat bad path", syscall(SYS_fchownat, AT_FDCWD, (void *) 8, -1, -1, 0));
    show("fchown bad fd", fchown(-1, -1, -1));
    int of = open(f, O_PATH);
    show("fchown O_PATH fd", fchown(of, -1, -1));
    chmod(f, 04755);
    show("setuid file: chown -1:-1", chown(f, -1, -1));
    struct stat st;
    stat(f, &st);
    printf("mode after: %04o\n", st.st_mode & 07777);
    chmod(f, 02755);
    show("setgid g+x file: fchown -1:-1", fchown(fd, -1, -1));
    stat(f, &st);
    printf("mode after: %04o\n", st.st_mode & 07777);
    unlink(f);
    return 0;
}
