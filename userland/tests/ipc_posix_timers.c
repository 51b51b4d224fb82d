/* ipc_posix_timers: timer_create/settime/gettime/getoverrun/delete on the realtime, monotonic and CPU clocks; SIGEV_SIGNAL (siginfo SI_TIMER with the value), SIGEV_NONE, SIGEV_THREAD_ID, overruns while blocked, sigwaitinfo, fork, and the errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static volatile sig_atomic_t got, code, value, overrun, most;

static void on_timer(int sig, siginfo_t *si, void *uc) {
    (void) uc;
    got = sig;
    code = si->si_code;
    value = si->si_value.sival_int;
    overrun = si->si_overrun;
    if (overrun > most) most = overrun;
}

static void wait_got(void) {
    sigset_t none;
    sigemptyset(&none);
    for (int i = 0; i < 100 && !got; i++) {
        struct timespec ts = {0, 5000000};
        nanosleep(&ts, NULL);
    }
}

static timer_t make(clockid_t clk, int notify, int sig, int val) {
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = notify;
    ev.sigev_signo = sig;
    ev.sigev_value.sival_int = val;
    if (notify & SIGEV_THREAD_ID) ev._sigev_un._tid = gettid();
    timer_t id;
    if (timer_create(clk, &ev, &id) < 0) { printf("timer_create: %s\n", strerrorname_np(errno)); return 0; }
    return id;
}

static void arm(timer_t id, long value_ns, long interval_ns, int flags) {
    struct itimerspec its = {{interval_ns / 1000000000, interval_ns % 1000000000}, {value_ns / 1000000000, value_ns % 1000000000}};
    if (timer_settime(id, flags, &its, NULL) < 0) printf("timer_settime: %s\n", strerrorname_np(errno));
}

static long left_ns(timer_t id) {
    struct itimerspec its;
    timer_gettime(id, &its);
    return its.it_value.tv_sec * 1000000000L + its.it_value.tv_nsec;
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_timer;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN + 1, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);

    timer_t plain;
    show("timer_create, no sigevent", timer_create(CLOCK_MONOTONIC, NULL, &plain));
    struct itimerspec its;
    show("gettime unarmed", timer_gettime(plain, &its));
    printf("unarmed: %ld %ld %ld %ld\n", (long) its.it_value.tv_sec, its.it_value.tv_nsec, (long) its.it_interval.tv_sec, its.it_interval.tv_nsec);
    arm(plain, 10000000, 0, 0);
    wait_got();
    printf("no sigevent: SIGALRM %d, SI_TIMER %d\n", got == SIGALRM, code == SI_TIMER);

    got = 0;
    timer_t t1 = make(CLOCK_MONOTONIC, SIGEV_SIGNAL, SIGRTMIN + 1, 42);
    arm(t1, 10000000, 0, 0);
    wait_got();
    printf("signal %d code %d value %d overrun %d\n", got == SIGRTMIN + 1, code, value, overrun);
    printf("one-shot after firing: left %ld\n", left_ns(t1));

    arm(t1, 1000000000, 250000000, 0);
    timer_gettime(t1, &its);
    long left = its.it_value.tv_sec * 1000000000L + its.it_value.tv_nsec;
    printf("armed 1s: 0.5s < left <= 1s %d, interval %ld.%09ld\n", left > 500000000 && left <= 1000000000, (long) its.it_interval.tv_sec, its.it_interval.tv_nsec);
    struct itimerspec nw = {{0, 0}, {3, 0}}, old;
    show("settime with old", timer_settime(t1, 0, &nw, &old));
    printf("old: value <= 1s %d interval %ld.%09ld\n", old.it_value.tv_sec == 0 || (old.it_value.tv_sec == 1 && old.it_value.tv_nsec == 0), (long) old.it_interval.tv_sec, old.it_interval.tv_nsec);
    arm(t1, 0, 0, 0);
    printf("disarmed: left %ld\n", left_ns(t1));

    /* Blocked: the periods that pass count as overruns, delivered with the one signal. */
    sigset_t set, oldset;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &set, &oldset);
    got = 0;
    arm(t1, 2000000, 2000000, 0);
    struct timespec nap = {0, 50000000};
    nanosleep(&nap, NULL);
    printf("blocked: nothing yet %d\n", got == 0);
    most = 0;
    sigprocmask(SIG_SETMASK, &oldset, NULL);
    /* Blocked again before comparing: the timer goes on firing every 2 ms, and a second delivery
     * between the two reads (it happened under qemu on Linux) would make them disagree. */
    sigprocmask(SIG_BLOCK, &set, NULL);
    int ov = overrun, gov = timer_getoverrun(t1);
    sigprocmask(SIG_SETMASK, &oldset, NULL);
    printf("unblocked: got %d overrun > 5 %d getoverrun agrees %d\n", got != 0, most > 5, gov == ov);
    arm(t1, 0, 0, 0);

    /* sigwaitinfo takes the timer's signal. */
    sigprocmask(SIG_BLOCK, &set, &oldset);
    timer_t t2 = make(CLOCK_REALTIME, SIGEV_SIGNAL, SIGRTMIN + 1, 7);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    long abs = now.tv_sec * 1000000000L + now.tv_nsec + 5000000;
    arm(t2, abs, 0, TIMER_ABSTIME);
    siginfo_t si;
    int s = sigwaitinfo(&set, &si);
    printf("sigwaitinfo: %d code %d value %d\n", s == SIGRTMIN + 1, si.si_code, si.si_value.sival_int);
    arm(t2, 1, 0, TIMER_ABSTIME);
    s = sigwaitinfo(&set, &si);
    printf("absolute time in the past fires: %d\n", s == SIGRTMIN + 1);
    /* Deleting a timer whose signal is pending. */
    arm(t2, 1000000, 0, 0);
    nanosleep(&nap, NULL);
    sigset_t pend;
    sigpending(&pend);
    printf("pending before delete: %d\n", sigismember(&pend, SIGRTMIN + 1));
    show("timer_delete", timer_delete(t2));
    sigpending(&pend);
    printf("pending after delete: %d\n", sigismember(&pend, SIGRTMIN + 1));
    sigprocmask(SIG_SETMASK, &oldset, NULL);

    /* SIGEV_NONE counts down only. */
    timer_t t3 = make(CLOCK_MONOTONIC, SIGEV_NONE, 0, 0);
    arm(t3, 10000000, 0, 0);
    nanosleep(&nap, NULL);
    printf("SIGEV_NONE expired one-shot: left %ld\n", left_ns(t3));
    arm(t3, 10000000, 10000000, 0);
    nanosleep(&nap, NULL);
    left = left_ns(t3);
    printf("SIGEV_NONE periodic: 0 < left <= 10ms %d\n", left > 0 && left <= 10000000);
    show("SIGEV_NONE getoverrun", timer_getoverrun(t3));

    /* SIGEV_THREAD_ID to this thread. */
    got = 0;
    timer_t t4 = make(CLOCK_MONOTONIC, SIGEV_SIGNAL | SIGEV_THREAD_ID, SIGUSR1, 9);
    arm(t4, 5000000, 0, 0);
    wait_got();
    printf("SIGEV_THREAD_ID: %d value %d\n", got == SIGUSR1, value);

    /* CPU-time clocks: the process's and the thread's. */
    got = 0;
    timer_t t5 = make(CLOCK_PROCESS_CPUTIME_ID, SIGEV_SIGNAL, SIGUSR1, 5);
    arm(t5, 2000000, 0, 0);
    for (volatile long i = 0; !got && i < 100000000; i++) { }
    printf("process CPU clock: %d value %d\n", got == SIGUSR1, value);
    got = 0;
    timer_t t6 = make(CLOCK_THREAD_CPUTIME_ID, SIGEV_SIGNAL, SIGUSR1, 6);
    arm(t6, 2000000, 0, 0);
    for (volatile long i = 0; !got && i < 100000000; i++) { }
    printf("thread CPU clock: %d value %d\n", got == SIGUSR1, value);

    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) _exit(timer_gettime(t5, &its) < 0 && errno == EINVAL ? 3 : 4);
    int st;
    waitpid(pid, &st, 0);
    printf("fork: the child has no timers %d\n", WEXITSTATUS(st) == 3);

    /* Errors. */
    timer_t bad;
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    show("clock 10", timer_create(10, NULL, &bad));
    show("clock 99", timer_create(99, NULL, &bad));
    show("CLOCK_MONOTONIC_RAW", timer_create(CLOCK_MONOTONIC_RAW, NULL, &bad));
    show("CLOCK_REALTIME_COARSE", timer_create(CLOCK_REALTIME_COARSE, NULL, &bad));
    ev.sigev_notify = 99;
    show("notify 99", timer_create(CLOCK_MONOTONIC, &ev, &bad));
    ev.sigev_notify = SIGEV_SIGNAL;
    ev.sigev_signo = 0;
    show("signo 0", timer_create(CLOCK_MONOTONIC, &ev, &bad));
    ev.sigev_signo = 65;
    show("signo 65", timer_create(CLOCK_MONOTONIC, &ev, &bad));
    ev.sigev_signo = SIGUSR1;
    ev.sigev_notify = SIGEV_SIGNAL | SIGEV_THREAD_ID;
    ev._sigev_un._tid = 999999;
    show("THREAD_ID of no thread", timer_create(CLOCK_MONOTONIC, &ev, &bad));
    show("bad sigevent pointer", syscall(SYS_timer_create, CLOCK_MONOTONIC, (void *) 8, &bad));
    struct itimerspec badns = {{0, 0}, {0, 1000000000}}, negsec = {{0, 0}, {-1, 0}};
    show("settime nsec 1e9", timer_settime(t1, 0, &badns, NULL));
    show("settime negative", timer_settime(t1, 0, &negsec, NULL));
    show("settime NULL", syscall(SYS_timer_settime, 0, 0, NULL, NULL));
    show("delete", timer_delete(t1));
    show("delete again", timer_delete(t1));
    show("gettime deleted", timer_gettime(t1, &its));
    show("getoverrun deleted", timer_getoverrun(t1));
    show("settime deleted", timer_settime(t1, 0, &nw, NULL));
    return 0;
}
