/* fs_lease: fcntl F_SETLEASE/F_GETLEASE: read leases need no writer anywhere, write leases no other open; and the break: a conflicting open signals the holder (SIGIO, or the F_SETSIG signal with POLL_MSG), fails with EWOULDBLOCK under O_NONBLOCK or waits until the holder unlocks or downgrades, F_GETLEASE showing the target meanwhile */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char path[64];

static void show(const char *what, long r) { printf("%s: %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : ""); }
static const char *lt(int t) { return t == F_RDLCK ? "F_RDLCK" : t == F_WRLCK ? "F_WRLCK" : t == F_UNLCK ? "F_UNLCK" : "?"; }

static void taken(const char *what) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigaddset(&set, SIGUSR1);
    siginfo_t si;
    struct timespec zero = {0, 0};
    memset(&si, 0, sizeof si);
    int r = sigtimedwait(&set, &si, &zero);
    if (r < 0) printf("%s: no signal\n", what);
    else printf("%s: %s code %#x band %#lx fd %d\n", what, sigabbrev_np(r), si.si_code, r == SIGIO ? 0 : si.si_band, r == SIGIO ? 0 : si.si_fd);
}

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
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    snprintf(path, sizeof path, "/tmp/fs_lease.%d", getpid());
    int w = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    show("read lease on O_RDWR", fcntl(w, F_SETLEASE, F_RDLCK));
    show("write lease on the only open", fcntl(w, F_SETLEASE, F_WRLCK));
    printf("F_GETLEASE: %s\n", lt(fcntl(w, F_GETLEASE)));
    show("F_UNLCK", fcntl(w, F_SETLEASE, F_UNLCK));
    show("F_UNLCK again", fcntl(w, F_SETLEASE, F_UNLCK));
    show("lease type 7", fcntl(w, F_SETLEASE, 7));
    int r = open(path, O_RDONLY);
    show("write lease with another open", fcntl(w, F_SETLEASE, F_WRLCK));
    show("read lease while a writer is open", fcntl(r, F_SETLEASE, F_RDLCK));
    close(w);
    show("read lease with no writer", fcntl(r, F_SETLEASE, F_RDLCK));
    printf("F_GETLEASE: %s\n", lt(fcntl(r, F_GETLEASE)));
    int r2 = open(path, O_RDONLY);
    show("a read open does not break a read lease", r2 >= 0);
    show("second read lease", fcntl(r2, F_SETLEASE, F_RDLCK));
    show("write lease over another's read lease", fcntl(r2, F_SETLEASE, F_WRLCK));
    close(r2);
    printf("after its description closed, F_GETLEASE: %s\n", lt(fcntl(r, F_GETLEASE)));
    show("lease on a pipe", fcntl(0, F_SETLEASE, F_RDLCK) < 0 ? -1 : 0);
    int o = open(path, O_RDONLY);
    printf("F_GETLEASE of a file without one: %s\n", lt(fcntl(o, F_GETLEASE)));
    close(o);

    /* a write open breaks the read lease: O_NONBLOCK fails, the holder hears SIGIO */
    pid_t c = fork();
    if (c == 0) {
        int x = open(path, O_WRONLY | O_NONBLOCK);
        printf("child: O_NONBLOCK write open: %d %s\n", x, x < 0 ? strerrorname_np(errno) : "");
        _exit(0);
    }
    waitpid(c, NULL, 0);
    taken("holder");
    printf("F_GETLEASE while breaking: %s\n", lt(fcntl(r, F_GETLEASE)));
    o = open(path, O_RDONLY);
    show("a new read lease while one is being given up", fcntl(o, F_SETLEASE, F_RDLCK));
    close(o);
    /* a blocking write open waits until the holder unlocks */
    c = fork();
    if (c == 0) {
        int x = open(path, O_WRONLY);
        _exit(x < 0 ? errno : 0);
    }
    sleeping(c);
    show("holder unlocks", fcntl(r, F_SETLEASE, F_UNLCK));
    int st;
    waitpid(c, &st, 0);
    printf("child: blocking write open after the unlock: %d\n", WEXITSTATUS(st));

    /* a read open downgrades a write lease; F_SETSIG's signal says POLL_MSG */
    close(r);
    int solo = open(path, O_RDONLY);
    fcntl(solo, F_SETSIG, SIGUSR1);
    show("write lease on an O_RDONLY only open", fcntl(solo, F_SETLEASE, F_WRLCK));
    c = fork();
    if (c == 0) {
        int x = open(path, O_RDONLY);
        _exit(x < 0 ? errno : 0);
    }
    sleeping(c);
    taken("holder");
    printf("F_GETLEASE while breaking: %s\n", lt(fcntl(solo, F_GETLEASE)));
    show("holder downgrades", fcntl(solo, F_SETLEASE, F_RDLCK));
    waitpid(c, &st, 0);
    printf("child: read open after the downgrade: %d\n", WEXITSTATUS(st));
    printf("F_GETLEASE: %s\n", lt(fcntl(solo, F_GETLEASE)));
    unlink(path);
    return 0;
}
