/* nanosleep_native: clock_nanosleep's order of errors (unknown clock EINVAL, a thread CPU clock EOPNOTSUPP, then EFAULT/EINVAL for the request), and a sleep cut short by a handler: EINTR with the time left in rem, or EFAULT when rem cannot be written */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void handler(int sig) { (void) sig; }

static void show(const char *what, long r) { printf("%s: %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : ""); }

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

/* a child signals this process once it sleeps */
static pid_t poke(void) {
    pid_t parent = getpid(), c = fork();
    if (c == 0) { sleeping(parent); kill(parent, SIGUSR1); _exit(0); }
    return c;
}

int main(void) {
    struct timespec ts = {0, 1000}, bad = {0, 1000000000}, rem;
    show("unknown clock, bad request", syscall(SYS_clock_nanosleep, 99, 0, (void *) 1, NULL));
    show("CLOCK_THREAD_CPUTIME_ID", syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL));
    show("CLOCK_THREAD_CPUTIME_ID, bad request", syscall(SYS_clock_nanosleep, CLOCK_THREAD_CPUTIME_ID, 0, (void *) 1, NULL));
    printf("libc clock_nanosleep(CLOCK_THREAD_CPUTIME_ID): %s\n", strerrorname_np(clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &ts, NULL)));
    show("bad request", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, (void *) 1, NULL));
    show("tv_nsec 1e9", syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &bad, NULL));
    show("nanosleep bad request", syscall(SYS_nanosleep, (void *) 1, NULL));

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigaction(SIGUSR1, &sa, NULL);
    struct timespec ten = {10, 0};
    pid_t c = poke();
    rem.tv_sec = -1;
    long r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ten, &rem);
    printf("interrupted: %ld %s, rem between 0 and 10 s: %d\n", r, r < 0 ? strerrorname_np(errno) : "", rem.tv_sec >= 0 && rem.tv_sec < 10);
    waitpid(c, NULL, 0);
    c = poke();
    r = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &ten, (void *) 1);
    printf("interrupted, bad rem: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    waitpid(c, NULL, 0);
    c = poke();
    r = syscall(SYS_nanosleep, &ten, (void *) 1);
    printf("nanosleep interrupted, bad rem: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    waitpid(c, NULL, 0);
    return 0;
}
