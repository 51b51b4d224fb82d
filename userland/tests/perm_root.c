/* perm_root: file permissions as Linux checks them: root passing mode bits (CAP_DAC_OVERRIDE) except an exec with no x bit, mknod of a device, set-gid directories passing their group on, then a child dropped to uid 1000 meeting owner/group/other bits, search permission, the sticky directory rule, chmod/chown/utimensat/link ownership rules, set-id bits cleared by a write and by chown, setfsuid/seteuid deciding access, O_NOATIME for the owner only, and raising a hard rlimit (EPERM without CAP_SYS_RESOURCE, past nr_open for anyone). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/resource.h>
#include <sys/fsuid.h>
#include <sys/sysmacros.h>
static char D[64];
static char *P(const char *n) { static char b[4][128]; static int i; i = (i + 1) % 4; snprintf(b[i], 128, "%s/%s", D, n); return b[i]; }
#define T(x) do { errno = 0; long _r = (x); printf("%-58s = %ld %s\n", #x, _r, _r < 0 ? strerrorname_np(errno) : ""); } while (0)
static void mode(const char *n) { struct stat st; if (lstat(P(n), &st)) { printf("%s: %s\n", n, strerrorname_np(errno)); return; } printf("%-10s %06o %u:%u\n", n, st.st_mode, st.st_uid, st.st_gid); }
static int mk(const char *n, int m) { int fd = open(P(n), O_CREAT | O_WRONLY | O_TRUNC, m); if (fd >= 0) { write(fd, "#!/bin/sh\n", 10); close(fd); } chmod(P(n), m); return fd >= 0 ? 0 : -1; }
int main(void) {
    snprintf(D, sizeof D, "/tmp/perm_root.%d", getpid());
    umask(022);
    T(mkdir(D, 0777)); T(chmod(D, 0777));
    mode(".");
    mk("f600", 0600); mk("f000", 0000); mk("f644", 0644); mk("x000", 0); mk("x100", 0100);
    T(open(P("f000"), O_RDONLY) >= 0); T(access(P("f000"), R_OK | W_OK)); T(access(P("x000"), X_OK)); T(access(P("x100"), X_OK));
    T(execl(P("x000"), "x000", (char *) 0));
    T(mkdir(P("sub"), 07777)); mode("sub");
    T(mkdir(P("sgid"), 0775)); T(chmod(P("sgid"), 02775)); T(chown(P("sgid"), -1, 50)); mode("sgid");
    T(mkdir(P("sgid/d"), 0777)); mode("sgid/d");
    T(close(open(P("sgid/f"), O_CREAT | O_WRONLY, 02775))); mode("sgid/f");
    T(mknod(P("null"), S_IFCHR | 0666, makedev(1, 3))); mode("null");
    T(mkdir(P("sticky"), 0777)); T(chmod(P("sticky"), 01777));
    T(close(open(P("sticky/root"), O_CREAT | O_WRONLY, 0666)));
    T(close(open(P("sticky/u2000"), O_CREAT | O_WRONLY, 0666))); T(chown(P("sticky/u2000"), 2000, 2000));
    T(mkdir(P("priv"), 0700));
    T(close(open(P("priv/x"), O_CREAT | O_WRONLY, 0666)));
    mk("g070", 070); T(chown(P("g070"), 0, 1000)); mk("o070", 070); T(chown(P("o070"), 1000, 1000));
    mk("w007", 07); T(chown(P("w007"), 0, 1000));
    T(mkdir(P("mv"), 0755)); T(mkdir(P("mv/d"), 0755)); T(chown(P("mv"), 1000, 1000)); T(mkdir(P("mv2"), 0777));
    mk("suid", 06755); T(chown(P("suid"), 1000, 1000)); mode("suid");
    T(chmod(P("suid"), 06755)); mode("suid");
    mk("suid2", 06755); T(chown(P("suid2"), 2000, 2000)); T(chmod(P("suid2"), 06777)); mode("suid2");
    struct rlimit low = {64, 128}, high = {64, 256}, lower = {64, 100}, huge = {64, (1 << 20) + 1};
    T(setrlimit(RLIMIT_NOFILE, &low));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        T(setgroups(0, NULL)); T(setgid(1000)); T(setuid(1000));
        T(open(P("g070"), O_RDONLY) >= 0); T(open(P("o070"), O_RDONLY)); T(open(P("w007"), O_RDONLY));
        T(rename(P("mv/d"), P("mv2/d"))); T(rename(P("mv/d"), P("mv/e"))); T(rename(P("mv/e"), P("mv/d")));
        T(open(P("f600"), O_RDONLY)); T(open(P("f644"), O_RDWR)); T(open(P("f644"), O_RDONLY | O_TRUNC));
        T(open(P("f644"), O_RDONLY) >= 0);
        T(access(P("f644"), R_OK)); T(access(P("f644"), W_OK)); T(access(P("priv/x"), F_OK));
        T(open(P("priv/x"), O_RDONLY)); T(chdir(P("priv")));
        T(unlink(P("sticky/root"))); T(unlink(P("sticky/u2000"))); T(rename(P("sticky/root"), P("sticky/r2")));
        T(close(open(P("sticky/mine"), O_CREAT | O_WRONLY, 0666))); T(unlink(P("sticky/mine")));
        T(chmod(P("f644"), 0666)); T(chown(P("f644"), 1000, -1)); T(utimensat(AT_FDCWD, P("f644"), NULL, 0));
        struct timespec ts[2] = {{1, 0}, {2, 0}};
        T(utimensat(AT_FDCWD, P("f644"), ts, 0));
        T(utimensat(AT_FDCWD, P("sticky/u2000"), NULL, 0));
        T(link(P("f600"), P("lnk"))); T(link(P("sticky/u2000"), P("lnk2")));
        T(mknod(P("null2"), S_IFCHR | 0666, makedev(1, 3))); T(mkfifo(P("fifo"), 0666)); mode("fifo");
        T(rmdir(P("sub"))); T(rmdir(P("priv")));
        int fd = open(P("suid2"), O_WRONLY);
        T(fd >= 0); T(write(fd, "x", 1)); close(fd); mode("suid2");
        T(chown(P("suid"), -1, 1000)); mode("suid");
        T(chmod(P("suid"), 02755)); mode("suid");
        T(kill(1, 0)); T(kill(getppid(), 0));
        T(setrlimit(RLIMIT_NOFILE, &high)); T(setrlimit(RLIMIT_NOFILE, &lower));
        T(open(P("f644"), O_RDONLY | O_NOATIME));
        int nfd = open(P("f644"), O_RDONLY);
        T(fcntl(nfd, F_SETFL, O_NOATIME)); close(nfd);
        T(setfsuid(0)); T(setuid(0));
        fflush(stdout);
        _exit(0);
    }
    int st; waitpid(pid, &st, 0);
    printf("child status %d\n", st);
    /* Raising the hard limit as root needs CAP_SYS_RESOURCE, which a container's root may lack: not printed. */
    T(setrlimit(RLIMIT_NOFILE, &huge));
    T(close(open(P("f644"), O_RDONLY | O_NOATIME)));
    T(setfsuid(2000)); T(open(P("f600"), O_RDONLY) >= 0); T(access(P("f600"), R_OK)); T(setfsuid(0));
    T(seteuid(2000)); T(open(P("f600"), O_RDONLY)); T(kill(getpid(), 0)); T(seteuid(0));
    /* clean up */
    const char *names[] = {"f600", "f000", "f644", "x000", "x100", "sgid/f", "sgid/d", "sgid", "null", "sticky/root", "sticky/u2000",
                           "sticky/r2", "sticky", "priv/x", "priv", "g070", "o070", "w007", "mv/d", "mv/e", "mv2/d", "mv", "mv2", "suid", "suid2", "sub", "lnk", "lnk2", "fifo", "null2"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) { if (unlink(P(names[i])) < 0) rmdir(P(names[i])); }
    T(rmdir(D));
    return 0;
}
