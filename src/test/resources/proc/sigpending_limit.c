/* sigpending_limit: RLIMIT_SIGPENDING bounds the signals a user has queued: past it sigqueue and
   tgkill of a real-time signal fail with EAGAIN, kill still delivers it (without its siginfo),
   and what was queued arrives in order. The count is the user's across the system, so qemu-user
   run as root shares it with every root process: only a native run as a fresh user or Vitrine
   (one machine, uid 1000) gives exact numbers. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile int got[64], gotsig[64], gotcode[64], n;

static void handler(int sig, siginfo_t *si, void *uc) {
    (void) uc;
    if (n < 64) { gotsig[n] = sig - SIGRTMIN; got[n] = si->si_value.sival_int; gotcode[n] = si->si_code; n++; }
}

static void block(int how, int a, int b, int c) {
    sigset_t s;
    sigemptyset(&s);
    sigaddset(&s, a);
    if (b) sigaddset(&s, b);
    if (c) sigaddset(&s, c);
    sigprocmask(how, &s, NULL);
}

static void show(const char *what) {
    printf("%s: %d delivered:", what, n);
    for (int i = 0; i < n; i++)
        if (gotcode[i] == SI_QUEUE)
            printf(" %s%d=%d", gotsig[i] < 0 ? "std" : "RTMIN+", gotsig[i] < 0 ? gotsig[i] + SIGRTMIN : gotsig[i], got[i]);
        else
            printf(" %s%d(%s)", gotsig[i] < 0 ? "std" : "RTMIN+", gotsig[i] < 0 ? gotsig[i] + SIGRTMIN : gotsig[i],
                   gotcode[i] == SI_USER ? "kill" : "?");
    printf("\n");
    n = 0;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &sa, NULL);
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    union sigval v;
    block(SIG_BLOCK, SIGRTMIN, 0, 0);
    struct rlimit rl;
    getrlimit(RLIMIT_SIGPENDING, &rl);
    printf("RLIMIT_SIGPENDING cur == max: %d, above 0: %d\n", rl.rlim_cur == rl.rlim_max, rl.rlim_cur > 0);
    block(SIG_BLOCK, SIGRTMIN + 1, SIGUSR1, 0);
    rl.rlim_cur = 3;
    printf("setrlimit(RLIMIT_SIGPENDING, 3): %d\n", setrlimit(RLIMIT_SIGPENDING, &rl));
    int ok = 0, again = 0;
    for (int i = 1; i <= 6; i++) {
        v.sival_int = 200 + i;
        if (sigqueue(getpid(), SIGRTMIN, v) == 0) ok++;
        else if (errno == EAGAIN) again++;
    }
    printf("6 sigqueue: %d queued, %d EAGAIN\n", ok, again);
    errno = 0;
    long r = syscall(SYS_tgkill, getpid(), gettid(), SIGRTMIN + 1);
    printf("tgkill RTMIN+1 past the limit: %ld %s\n", r, r ? strerror(errno) : "");
    r = kill(getpid(), SIGRTMIN + 1);
    printf("kill RTMIN+1 past the limit: %ld\n", r);
    r = kill(getpid(), SIGUSR1);
    printf("kill SIGUSR1 past the limit: %ld\n", r);
    block(SIG_UNBLOCK, SIGRTMIN, 0, 0);
    int inorder = 1, rt = 0;
    for (int i = 0; i < n; i++)
        if (gotsig[i] == 0) inorder &= got[i] == 201 + rt++;
    printf("after the limit: the %d queued SIGRTMIN arrived, in order: %d\n", rt, inorder && rt == ok);
    n = 0;
    block(SIG_UNBLOCK, SIGRTMIN + 1, SIGUSR1, 0);
    show("then");
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_SIGPENDING, &rl);

    return 0;
}
