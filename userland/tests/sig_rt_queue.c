/* sig_rt_queue: real-time signals queue (each sigqueue value arrives, in order, lowest number first, by handler or sigwaitinfo), standard ones coalesce */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
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

    /* Five queued SIGRTMIN arrive five times, in the order sent. */
    block(SIG_BLOCK, SIGRTMIN, 0, 0);
    for (int i = 1; i <= 5; i++) {
        union sigval v = { .sival_int = 100 + i };
        if (sigqueue(getpid(), SIGRTMIN, v) != 0) printf("sigqueue %d: %s\n", i, strerror(errno));
    }
    sigset_t p;
    sigpending(&p);
    printf("pending SIGRTMIN while blocked: %d\n", sigismember(&p, SIGRTMIN));
    block(SIG_UNBLOCK, SIGRTMIN, 0, 0);
    show("five sigqueue SIGRTMIN");

    /* Lowest number first: RTMIN+1 sent before RTMIN is delivered after it; SIGUSR1 twice is once. */
    block(SIG_BLOCK, SIGRTMIN, SIGRTMIN + 1, SIGUSR1);
    union sigval v;
    v.sival_int = 1; sigqueue(getpid(), SIGRTMIN + 1, v);
    v.sival_int = 2; sigqueue(getpid(), SIGRTMIN, v);
    v.sival_int = 3; sigqueue(getpid(), SIGRTMIN + 1, v);
    v.sival_int = 4; sigqueue(getpid(), SIGUSR1, v);
    v.sival_int = 5; sigqueue(getpid(), SIGUSR1, v);
    v.sival_int = 6; sigqueue(getpid(), SIGRTMIN, v);
    block(SIG_UNBLOCK, SIGRTMIN, SIGRTMIN + 1, SIGUSR1);
    show("mixed");

    /* sigwaitinfo takes them one at a time too. */
    block(SIG_BLOCK, SIGRTMIN, 0, 0);
    for (int i = 1; i <= 3; i++) { v.sival_int = 10 * i; sigqueue(getpid(), SIGRTMIN, v); }
    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, SIGRTMIN);
    printf("sigwaitinfo:");
    for (int i = 0; i < 3; i++) {
        siginfo_t si;
        int s = sigwaitinfo(&w, &si);
        printf(" %d/%d", s - SIGRTMIN, si.si_value.sival_int);
    }
    sigpending(&p);
    printf("; pending after: %d\n", sigismember(&p, SIGRTMIN));

    return 0;
}
