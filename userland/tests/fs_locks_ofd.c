/* fs_locks_ofd: open file description locks (F_OFD_SETLK/SETLKW/GETLK: owned by the description, l_pid -1, kept across dup and fork, dropped at the last close, conflicting with POSIX locks of the same process), F_SETLKW's EDEADLK for a two-process cycle, and adjoining POSIX locks merging for F_GETLK */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char path[64];

static int lk(int fd, int cmd, int type, off_t start, off_t len) {
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    return fcntl(fd, cmd, &fl);
}

static void show(const char *what, int r) { printf("%s: %d %s\n", what, r, r < 0 ? strerrorname_np(errno) : ""); }

static void getlk(const char *what, int fd, int cmd, int type, off_t start, off_t len) {
    struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len};
    int r = fcntl(fd, cmd, &fl);
    printf("%s: %d type %s start %ld len %ld pid %s\n", what, r,
           fl.l_type == F_UNLCK ? "F_UNLCK" : fl.l_type == F_WRLCK ? "F_WRLCK" : "F_RDLCK", (long) fl.l_start,
           (long) fl.l_len, fl.l_pid == -1 ? "-1" : fl.l_pid == getpid() ? "self" : fl.l_pid == 0 ? "0" : "other");
}

/* until process pid sleeps (state S in /proc/PID/stat) */
static void sleeping(pid_t pid) {
    char p[64], buf[256];
    snprintf(p, sizeof p, "/proc/%d/stat", pid);
    for (int i = 0; i < 5000; i++) {
        FILE *f = fopen(p, "r");
        if (f) {
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
            buf[n] = 0;
            char *q = strrchr(buf, ')');
            if (q && q[2] == 'S') return;
        }
        usleep(1000);
    }
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    snprintf(path, sizeof path, "/tmp/fs_locks_ofd.%d", getpid());
    int fd1 = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    int fd2 = open(path, O_RDWR);
    if (write(fd1, "0123456789", 10) != 10) return 1;

    show("OFD write lock on fd1", lk(fd1, F_OFD_SETLK, F_WRLCK, 0, 10));
    show("OFD write lock on fd2 (another description)", lk(fd2, F_OFD_SETLK, F_WRLCK, 0, 10));
    getlk("OFD GETLK on fd2", fd2, F_OFD_GETLK, F_RDLCK, 0, 0);
    getlk("POSIX GETLK on fd2", fd2, F_GETLK, F_RDLCK, 5, 1);
    show("POSIX lock of the same process", lk(fd2, F_SETLK, F_RDLCK, 0, 1));
    show("OFD lock again on fd1 (same owner)", lk(fd1, F_OFD_SETLK, F_RDLCK, 0, 10));
    struct flock bad = {.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 1, .l_pid = 1};
    show("OFD with l_pid set", fcntl(fd1, F_OFD_SETLK, &bad));
    getlk("OFD GETLK with F_UNLCK: the lock fd1 holds", fd1, F_OFD_GETLK, F_UNLCK, 0, 1);
    getlk("OFD GETLK with F_UNLCK: fd2 holds none", fd2, F_OFD_GETLK, F_UNLCK, 0, 1);
    show("POSIX GETLK with F_UNLCK", lk(fd1, F_GETLK, F_UNLCK, 0, 1));

    int d = dup(fd1);
    close(d);
    getlk("after closing a dup", fd2, F_OFD_GETLK, F_WRLCK, 0, 0);

    pid_t c = fork();
    if (c == 0) {
        show("child: OFD lock on the inherited description", lk(fd1, F_OFD_SETLK, F_WRLCK, 0, 10));
        int fd3 = open(path, O_RDWR);
        show("child: OFD lock on its own open", lk(fd3, F_OFD_SETLK, F_WRLCK, 0, 1));
        _exit(lk(fd3, F_OFD_SETLKW, F_WRLCK, 0, 1) < 0 ? errno : 0);
    }
    sleeping(c);
    show("parent unlocks", lk(fd1, F_OFD_SETLK, F_UNLCK, 0, 0));
    int st;
    waitpid(c, &st, 0);
    printf("child: its OFD SETLKW got the lock: %d\n", WEXITSTATUS(st));
    getlk("child's lock went with its last close", fd2, F_OFD_GETLK, F_WRLCK, 0, 0);

    /* EDEADLK: the parent holds byte 0, the child byte 1 and waits for byte 0 */
    int p2c[2];
    if (pipe(p2c)) return 1;
    show("parent locks byte 0", lk(fd1, F_SETLK, F_WRLCK, 0, 1));
    c = fork();
    if (c == 0) {
        show("child locks byte 1", lk(fd1, F_SETLK, F_WRLCK, 1, 1));
        if (write(p2c[1], "x", 1) != 1) _exit(1);
        _exit(lk(fd1, F_SETLKW, F_WRLCK, 0, 1) < 0 ? errno : 0);
    }
    char x;
    if (read(p2c[0], &x, 1) != 1) return 1;
    sleeping(c);
    show("parent waits for byte 1", lk(fd1, F_SETLKW, F_WRLCK, 1, 1));
    show("parent unlocks byte 0", lk(fd1, F_SETLK, F_UNLCK, 0, 1));
    waitpid(c, &st, 0);
    printf("child: its F_SETLKW for byte 0 got the lock: %d\n", WEXITSTATUS(st));

    /* OFD waits are not deadlock-checked: a non-blocking probe shows the conflict instead */
    show("OFD lock byte 0 on fd2", lk(fd2, F_OFD_SETLK, F_WRLCK, 0, 1));
    show("POSIX F_SETLK byte 0 (OFD holds it)", lk(fd1, F_SETLK, F_WRLCK, 0, 1));
    close(fd2);

    /* adjoining read locks of one process merge */
    show("lock [0,4]", lk(fd1, F_SETLK, F_RDLCK, 0, 5));
    show("lock [5,9]", lk(fd1, F_SETLK, F_RDLCK, 5, 5));
    c = fork();
    if (c == 0) {
        int fd3 = open(path, O_RDWR);
        getlk("child sees the merged lock", fd3, F_GETLK, F_WRLCK, 0, 100);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    show("unlock [3,6]", lk(fd1, F_SETLK, F_UNLCK, 3, 4));
    c = fork();
    if (c == 0) {
        int fd3 = open(path, O_RDWR);
        getlk("child sees the first part", fd3, F_GETLK, F_WRLCK, 0, 100);
        getlk("child sees the second part", fd3, F_GETLK, F_WRLCK, 4, 100);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    unlink(path);
    return 0;
}
