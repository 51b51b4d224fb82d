/* sig_siginfo: SA_SIGINFO handlers see who sent what: kill (SI_USER), raise (SI_TKILL), sigqueue (continued) */
/*
 * (SI_QUEUE with a value), a child's exit (SIGCHLD, CLD_EXITED); SA_RESETHAND, SA_NODEFER,
 * masks and sigpending. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile int last_signo, last_code, last_pid_ok, last_value, last_status, depth, max_depth, calls, raised;

static void handler(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    calls++;
    last_signo = si->si_signo;
    last_code = si->si_code;
    last_pid_ok = si->si_pid == getpid();
    last_value = si->si_value.sival_int;
    last_status = si->si_status;
    if (sig == SIGUSR2) {
        depth++;
        if (depth > max_depth) max_depth = depth;
        if (raised < 2) { raised++; raise(SIGUSR2); }  /* nests only with SA_NODEFER */
        depth--;
    }
}

static void install(int sig, int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, 0) != 0) perror("sigaction");
}

int main(void) {
    install(SIGUSR1, 0);
    kill(getpid(), SIGUSR1);
    printf("kill:     signo %d code %d pid-is-me %d\n", last_signo, last_code, last_pid_ok);
    raise(SIGUSR1);
    printf("raise:    signo %d code %d pid-is-me %d\n", last_signo, last_code, last_pid_ok);
    union sigval v = {.sival_int = 1234};
    sigqueue(getpid(), SIGUSR1, v);
    printf("sigqueue: signo %d code %d value %d\n", last_signo, last_code, last_value);

    install(SIGCHLD, 0);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) _exit(9);
    int st;
    while (waitpid(p, &st, 0) < 0) { }
    printf("SIGCHLD:  signo %d code %d status %d\n", last_signo, last_code, last_status);

    /* Blocked: stays pending until unblocked, then runs once. */
    sigset_t set, old, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    calls = 0;
    raise(SIGUSR1);
    raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked:  calls %d pending %d\n", calls, sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, 0);
    printf("unblocked: calls %d (standard signals do not queue)\n", calls);

    /* Inside a handler its own signal is blocked unless SA_NODEFER. */
    install(SIGUSR2, 0);
    max_depth = 0;
    raised = 0;
    raise(SIGUSR2);
    printf("deferred: max depth %d\n", max_depth);
    install(SIGUSR2, SA_NODEFER);
    max_depth = 0;
    raised = 0;
    raise(SIGUSR2);
    printf("nodefer:  max depth %d\n", max_depth);

    /* SA_RESETHAND: the first delivery resets the action to SIG_DFL. */
    install(SIGUSR1, SA_RESETHAND);
    raise(SIGUSR1);
    struct sigaction now;
    sigaction(SIGUSR1, 0, &now);
    printf("resethand: handler is default now: %d\n", now.sa_handler == SIG_DFL);

    /* Ignored signals are discarded; SIGKILL and SIGSTOP cannot be caught. */
    signal(SIGUSR2, SIG_IGN);
    raise(SIGUSR2);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;
    printf("catch SIGKILL: %d, catch SIGSTOP: %d\n", sigaction(SIGKILL, &sa, 0), sigaction(SIGSTOP, &sa, 0));
    fflush(stdout);
    signal(SIGCHLD, SIG_DFL);
    pid_t q = fork();
    if (q == 0) { raise(SIGUSR1); _exit(0); }   /* default action now: terminate */
    waitpid(q, &st, 0);
    printf("child with the reset action: killed by %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    return 0;
}
