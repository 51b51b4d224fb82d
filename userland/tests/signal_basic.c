/* signal_basic: single-process signals - raise with a handler, SA_SIGINFO si_signo/si_code, blocked signals staying pending until unblocked, SIG_IGN, sigaltstack-free nesting, SIGSEGV on a NULL store caught and skipped via siglongjmp, abort-free exit. */
#include <stdio.h>
#include <signal.h>
#include <setjmp.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got[65];
static volatile int last_code, last_signo;
static sigjmp_buf jb;

static void h(int sig) { got[sig]++; }
static void hinfo(int sig, siginfo_t *si, void *uc) { (void)uc; got[sig]++; last_signo = si->si_signo; last_code = si->si_code; }
static void segv(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    last_signo = sig; last_code = si->si_code;
    got[sig]++;
    printf("SIGSEGV handler: si_code %d addr is 0x10: %d\n", si->si_code, si->si_addr == (void *)0x10);
    siglongjmp(jb, 1);
}

int main(void)
{
    signal(SIGUSR1, h);
    raise(SIGUSR1); raise(SIGUSR1);
    printf("SIGUSR1 handled %d times\n", got[SIGUSR1]);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = hinfo; sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    printf("SIGUSR2 via SA_SIGINFO: signo %d code %d (SI_TKILL %d)\n", last_signo, last_code, SI_TKILL);

    sigset_t set, old, pend;
    sigemptyset(&set); sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    raise(SIGUSR1); raise(SIGUSR1);
    sigpending(&pend);
    printf("blocked: handled %d, pending %d\n", got[SIGUSR1], sigismember(&pend, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: handled %d (standard signals do not queue)\n", got[SIGUSR1]);

    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    printf("ignored: handled %d\n", got[SIGUSR1]);
    struct sigaction q;
    sigaction(SIGUSR1, NULL, &q);
    printf("query: handler is SIG_IGN %d\n", q.sa_handler == SIG_IGN);

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = segv; sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    for (int k = 0; k < 3; k++) {
        if (sigsetjmp(jb, 1) == 0) {
            *(volatile int *)0x10 = 42;
            printf("not reached\n");
        } else {
            printf("recovered from SIGSEGV %d (signo %d)\n", k, last_signo);
        }
    }
    printf("SIGSEGV count %d\n", got[SIGSEGV]);
    signal(SIGALRM, h);
    alarm(0);
    printf("kill(getpid(), SIGALRM): %d handled %d\n", kill(getpid(), SIGALRM), got[SIGALRM]);
    return 0;
}
