/* fs_locks: fcntl record locks between a parent and a child: F_GETLK reports the other's lock, F_SETLK (continued) */
/*
 * fails with EAGAIN on a conflict, F_SETLKW waits until the holder unlocks, and closing any
 * descriptor of the file drops the process's locks. Plus statx of a locked file. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static int lk(int fd, int cmd, short type, off_t start, off_t len) {
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    return fcntl(fd, cmd, &fl);
}

static void getlk(int fd, short type, off_t start, off_t len, pid_t holder) {
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    if (fcntl(fd, F_GETLK, &fl) < 0) { printf("F_GETLK: %s\n", strerrorname_np(errno)); return; }
    if (fl.l_type == F_UNLCK) printf("F_GETLK [%ld,+%ld): free\n", (long) start, (long) len);
    else printf("F_GETLK [%ld,+%ld): %s lock at %ld len %ld by %s\n", (long) start, (long) len,
                fl.l_type == F_WRLCK ? "write" : "read", (long) fl.l_start, (long) fl.l_len,
                fl.l_pid == holder ? "the other process" : "someone else");
}

int main(void) {
    char dir[] = "/tmp/fs_locksXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    int fd = open("locked", O_CREAT | O_RDWR, 0644);
    write(fd, "0123456789", 10);
    printf("parent locks [0,5) for writing: %d\n", lk(fd, F_SETLK, F_WRLCK, 0, 5));
    printf("parent locks [5,10) for reading: %d\n", lk(fd, F_SETLK, F_RDLCK, 5, 5));
    getlk(fd, F_WRLCK, 0, 10, 0);   /* own locks never conflict */
    int go[2], done[2];
    pipe(go);
    pipe(done);
    int go2[2];
    pipe(go2);
    char c;
    fflush(stdout);
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        int cfd = open("locked", O_RDWR);
        getlk(cfd, F_WRLCK, 0, 10, parent);
        getlk(cfd, F_WRLCK, 6, 2, parent);
        getlk(cfd, F_RDLCK, 6, 2, parent);
        printf("child F_SETLK write [2,4): %s\n", lk(cfd, F_SETLK, F_WRLCK, 2, 2) < 0 ? strerrorname_np(errno) : "ok");
        printf("child F_SETLK read [7,8): %s\n", lk(cfd, F_SETLK, F_RDLCK, 7, 1) < 0 ? strerrorname_np(errno) : "ok");
        printf("child F_SETLK write [20,+inf): %s\n", lk(cfd, F_SETLK, F_WRLCK, 20, 0) < 0 ? strerrorname_np(errno) : "ok");
        fflush(stdout);
        write(go[1], "g", 1);
        printf("child F_SETLKW write [0,5): %s\n", lk(cfd, F_SETLKW, F_WRLCK, 0, 5) < 0 ? strerrorname_np(errno) : "got it");
        fflush(stdout);
        write(done[1], "d", 1);
        read(go2[0], &c, 1);                /* the parent closed another fd of the file */
        getlk(cfd, F_WRLCK, 5, 2, parent);  /* its read lock [5,10) went with that close */
        fflush(stdout);
        _exit(0);
    }
    read(go[0], &c, 1);
    usleep(20000);
    printf("parent unlocks [0,5)\n");
    fflush(stdout);
    lk(fd, F_SETLK, F_UNLCK, 0, 5);
    read(done[0], &c, 1);
    getlk(fd, F_WRLCK, 0, 5, pid);
    int other = open("locked", O_RDONLY);
    close(other);                       /* POSIX: drops all of this process's locks on the file */
    fflush(stdout);
    write(go2[1], "g", 1);
    waitpid(pid, NULL, 0);
    printf("bad type: %s\n", lk(fd, F_SETLK, 7, 0, 1) < 0 ? strerrorname_np(errno) : "ok");
    int ro = open("locked", O_RDONLY);
    printf("write lock on O_RDONLY: %s\n", lk(ro, F_SETLK, F_WRLCK, 0, 1) < 0 ? strerrorname_np(errno) : "ok");
    struct statx sx;
    printf("statx: %d\n", statx(AT_FDCWD, "locked", 0, STATX_BASIC_STATS, &sx));
    printf("statx size %llu mode %o type reg %d nlink %u blksize %u\n", (unsigned long long) sx.stx_size,
           sx.stx_mode & 0777, S_ISREG(sx.stx_mode), sx.stx_nlink, sx.stx_blksize);
    printf("statx missing: %s\n", statx(AT_FDCWD, "nope", 0, STATX_BASIC_STATS, &sx) < 0 ? strerrorname_np(errno) : "ok");
    unlink("locked");
    chdir("/");
    rmdir(dir);
    return 0;
}
