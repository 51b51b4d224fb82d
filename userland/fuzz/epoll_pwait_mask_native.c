/* epoll_pwait_mask_native: epoll_pwait applies its signal mask for the wait: a signal it blocks does not cut the wait short (the handler runs once the call returns and the old mask is back), one it does not block ends it with EINTR after its handler; the caller's mask is the old one afterwards either way */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static void handler(int sig) { (void) sig; handled++; }

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
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigaction(SIGUSR1, &sa, NULL);
    int p[2];
    if (pipe(p)) return 1;
    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev);
    sigset_t block1, now;
    sigemptyset(&block1);
    sigaddset(&block1, SIGUSR1);

    for (int masked = 1; masked >= 0; masked--) {
        handled = 0;
        pid_t parent = getpid(), c = fork();
        if (c == 0) {
            sleeping(parent);
            kill(parent, SIGUSR1);
            usleep(20000);
            if (write(p[1], "w", 1) != 1) _exit(1);
            _exit(0);
        }
        int r = epoll_pwait(ep, &out, 1, -1, masked ? &block1 : NULL);
        int e = errno;
        sigprocmask(SIG_BLOCK, NULL, &now);
        printf("%s: %d %s, handler ran %d, SIGUSR1 blocked after %d\n", masked ? "SIGUSR1 masked" : "no mask", r,
               r < 0 ? strerrorname_np(e) : "", handled, sigismember(&now, SIGUSR1));
        waitpid(c, NULL, 0);
        char b;
        if (read(p[0], &b, 1) != 1) return 1;
    }
    /* a ready item: the call returns at once and the mask is back */
    if (write(p[1], "x", 1) != 1) return 1;
    int r = epoll_pwait(ep, &out, 1, -1, &block1);
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("ready: %d, SIGUSR1 blocked after %d\n", r, sigismember(&now, SIGUSR1));
    return 0;
}
