/* sig_misc: More signal rules: SIGCHLD set to SIG_IGN reaps children at once (wait: ECHILD);
 * SIGCONT resumes a stopped child (SA_NOCLDSTOP is not checked: qemu-user ignores it); an
 * interval timer fires repeatedly; sigtimedwait with a timeout; kill of a process group; a
 * handler on the alternate stack knows it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/wait.h>

static volatile int ticks, chld, on_alt;
static char *alt_base;
static void on_alarm(int sig) { (void)sig; ticks++; }
static void on_chld(int sig) { (void)sig; chld++; }
static void on_usr1(int sig) {
    (void)sig;
    char here;
    on_alt = &here >= alt_base && &here < alt_base + 65536;
}

int main(void) {
    int st;
    signal(SIGCHLD, SIG_IGN);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) _exit(3);
    errno = 0;
    int r = waitpid(p, &st, 0);
    printf("SIGCHLD ignored: waitpid %d %s\n", r, strerror(errno));

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sa.sa_flags = SA_NOCLDSTOP | SA_RESTART;
    sigaction(SIGCHLD, &sa, 0);
    p = fork();
    if (p == 0) { raise(SIGSTOP); _exit(4); }
    waitpid(p, &st, WUNTRACED);
    printf("stopped child: stopped %d\n", WIFSTOPPED(st));
    kill(p, SIGCONT);
    waitpid(p, &st, 0);
    printf("continued child exited %d, SIGCHLD handler ran: %d\n", WEXITSTATUS(st), chld > 0);

    signal(SIGALRM, on_alarm);
    struct itimerval it = {{0, 20000}, {0, 20000}};
    setitimer(ITIMER_REAL, &it, 0);
    while (ticks < 5) pause();
    struct itimerval off = {{0, 0}, {0, 0}}, old;
    setitimer(ITIMER_REAL, &off, &old);
    printf("interval timer: %d ticks, interval was %ld us\n", ticks, (long)old.it_interval.tv_usec);

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, 0);
    struct timespec ts = {0, 50000000};
    errno = 0;
    r = sigtimedwait(&set, 0, &ts);
    printf("sigtimedwait with nothing pending: %d %s\n", r, strerror(errno));
    union sigval v = {.sival_int = 77};
    sigqueue(getpid(), SIGUSR2, v);
    siginfo_t si;
    r = sigtimedwait(&set, &si, &ts);
    printf("sigtimedwait: %d value %d code %d\n", r, si.si_value.sival_int, si.si_code);

    /* A process group: two children in a new group, one kill for both. */
    pid_t a = fork();
    if (a == 0) { setpgid(0, 0); pause(); _exit(0); }
    setpgid(a, a);
    pid_t b = fork();
    if (b == 0) { setpgid(0, a); pause(); _exit(0); }
    setpgid(b, a);
    printf("same group: %d\n", getpgid(a) == getpgid(b) && getpgid(a) == a);
    kill(-a, SIGTERM);
    int killed = 0;
    for (int i = 0; i < 2; i++) if (wait(&st) > 0 && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM) killed++;
    printf("killed by the group kill: %d\n", killed);

    alt_base = malloc(65536);
    stack_t ss = {.ss_sp = alt_base, .ss_size = 65536, .ss_flags = 0};
    sigaltstack(&ss, 0);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR1, &sa, 0);
    raise(SIGUSR1);
    printf("handler ran on the alternate stack: %d\n", on_alt);
    stack_t cur;
    sigaltstack(0, &cur);
    printf("sigaltstack size %ld flags %d\n", (long)cur.ss_size, cur.ss_flags);
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, 0);
    raise(SIGUSR1);
    printf("without SA_ONSTACK: %d\n", on_alt);
    return 0;
}
