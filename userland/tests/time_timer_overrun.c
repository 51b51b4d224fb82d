/* time_timer_overrun: a periodic POSIX timer armed at an absolute time far in the past reports its missed periods capped at INT_MAX (CVE-2018-12896's fix), in si_overrun and timer_getoverrun, 10 s and a day back */
#define _GNU_SOURCE
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static void one(clockid_t clock, const char *name, long back_s) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGRTMIN);
    sigprocmask(SIG_BLOCK, &set, NULL);
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGRTMIN;
    timer_t t;
    timer_create(clock, &sev, &t);
    struct itimerspec spec;
    memset(&spec, 0, sizeof spec);
    clock_gettime(clock, &spec.it_value);
    spec.it_value.tv_sec -= back_s;
    spec.it_interval.tv_nsec = 1;
    int r = timer_settime(t, TIMER_ABSTIME, &spec, NULL);
    siginfo_t si;
    int sig = sigwaitinfo(&set, &si);
    int over = timer_getoverrun(t);
    memset(&spec, 0, sizeof spec);
    timer_settime(t, 0, &spec, NULL);
    printf("%s %ld s back: settime %d, signal %d, si_overrun capped %d, timer_getoverrun capped %d\n", name, back_s, r,
           sig == SIGRTMIN, si.si_overrun == INT_MAX, over == INT_MAX);
    timer_delete(t);
}

int main(void) {
    one(CLOCK_REALTIME, "CLOCK_REALTIME", 10);
    one(CLOCK_REALTIME, "CLOCK_REALTIME", 100000);
    return 0;
}
