/* fs_chroot: chroot as root: "/" and ".." stop at the new root, files inside are reached by absolute paths, getcwd of a directory left outside fails (the kernel says "(unreachable)/...", which glibc turns into ENOENT), the root is inherited by fork; ENOTDIR, ENOENT, and EPERM without CAP_SYS_CHROOT. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char jail[64], path[128], buf[64];
    snprintf(jail, sizeof jail, "/tmp/fs_chroot.%d", getpid());
    mkdir(jail, 0755);
    snprintf(path, sizeof path, "%s/sub", jail);
    mkdir(path, 0755);
    snprintf(path, sizeof path, "%s/sub/f", jail);
    int fd = open(path, O_WRONLY | O_CREAT, 0644);
    write(fd, "inside\n", 7);
    close(fd);

    errno = 0;
    printf("chroot to a file: %d %s\n", chroot(path), strerror(errno));
    errno = 0;
    printf("chroot to nothing: %d %s\n", chroot("/nonexistent/dir"), strerror(errno));

    fflush(stdout);
    pid_t kid = fork();
    if (kid == 0) {
        setuid(1000);
        errno = 0;
        printf("as uid 1000: %d %s\n", chroot(jail), strerror(errno));
        fflush(stdout);
        _exit(0);
    }
    waitpid(kid, NULL, 0);

    printf("chroot: %d\n", chroot(jail));
    char *cwd = getcwd(buf, sizeof buf);
    printf("getcwd of the old directory: %s\n", cwd && strncmp(cwd, "(unreachable)", 13) == 0 ? "(unreachable)..." : cwd ? "reachable" : strerror(errno));
    chdir("/");
    printf("after chdir(\"/\"): %s\n", getcwd(buf, sizeof buf));
    fd = open("/sub/f", O_RDONLY);
    int n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
    printf("/sub/f: %.*s", n > 0 ? n : 0, buf);
    struct stat a, b;
    stat("/", &a);
    stat("/../..", &b);
    printf("/../.. is /: %d\n", a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    errno = 0;
    printf("/tmp is not there: %d %s\n", open("/tmp", O_RDONLY), strerror(errno));
    chdir("/sub");
    printf("cwd /sub: %s\n", getcwd(buf, sizeof buf));
    fflush(stdout);
    kid = fork();
    if (kid == 0) {
        printf("the child sees the same root: %d\n", access("/sub/f", R_OK) == 0);
        fflush(stdout);
        _exit(0);
    }
    waitpid(kid, NULL, 0);
    unlink("/sub/f");
    rmdir("/sub");
    return 0;
}
