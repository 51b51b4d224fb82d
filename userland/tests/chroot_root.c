/* chroot_root: chroot(2) as root and as uid 1000: CAP_SYS_CHROOT (EPERM without it), ENOTDIR, ENOENT and EACCES before it; inside, "/" and ".." stop at the new root, absolute paths resolve in it, a cwd left outside shows as "(unreachable)" in getcwd, and a child inherits the root. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define T(x) do { errno = 0; long r_ = (x); printf("%-44s = %ld %s\n", #x, r_, r_ < 0 ? strerrorname_np(errno) : ""); } while (0)

static char jail[64], sub[96], file[96], priv[96];

static void cwd(const char *tag) {
    char buf[256];
    printf("%-10s getcwd %s\n", tag, getcwd(buf, sizeof buf) ? buf : strerrorname_np(errno));
}

static void look(void) {
    struct stat a, b;
    int fd = open("/etc/motd", O_RDONLY);
    char text[32] = "";
    if (fd >= 0) { text[read(fd, text, sizeof text - 1)] = 0; close(fd); }
    printf("/etc/motd: %s", fd >= 0 ? text : "absent\n");
    printf("/.. is /: %d\n", stat("/", &a) == 0 && stat("/..", &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    printf("/tmp exists: %d\n", access("/tmp", F_OK) == 0);
}

int main(void) {
    snprintf(jail, sizeof jail, "/tmp/chroot_root.%d", getpid());
    snprintf(sub, sizeof sub, "%s/etc", jail);
    snprintf(file, sizeof file, "%s/etc/motd", jail);
    snprintf(priv, sizeof priv, "%s/priv", jail);
    T(mkdir(jail, 0755)); T(mkdir(sub, 0755)); T(mkdir(priv, 0700));
    int fd = open(file, O_CREAT | O_WRONLY, 0644);
    T(write(fd, "inside the jail\n", 16)); close(fd);
    T(chroot(file)); T(chroot("/nonexistent/x"));
    T(chdir("/tmp"));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char inner[128];
        snprintf(inner, sizeof inner, "%s/priv/x", jail);
        T(setgid(1000)); T(setuid(1000));
        T(chroot(jail)); T(chroot(inner)); T(chroot(priv));
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(pid, &st, 0);
    T(chroot(jail));
    cwd("outside");
    look();
    T(chdir("/")); cwd("root");
    T(chdir("..")); cwd("..");
    T(chdir("etc")); cwd("etc");
    T(chdir("../..")); cwd("../..");
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        look();
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    T(unlink("/etc/motd")); T(rmdir("/etc")); T(rmdir("/priv"));
    T(chroot("/"));
    T(rmdir("/")); cwd("last");
    return 0;
}
