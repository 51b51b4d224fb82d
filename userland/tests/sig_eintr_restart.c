/* sig_eintr_restart: A signal handler interrupts a sleeping call: without SA_RESTART wait() fails with (continued) */
/*
 * EINTR, with SA_RESTART it goes on waiting; sleep() returns the time left; pause()
 * and sigsuspend() return after the handler. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile int alarms;
static void on_alarm(int sig) { (void)sig; alarms++; }

static void handle(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, 0);
}

static pid_t sleeper(int seconds) {
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { sleep(seconds); _exit(4); }
    return p;
}

int main(void) {
    int st;
    handle(0);
    pid_t p = sleeper(2);
    alarm(1);
    errno = 0;
    int r = waitpid(p, &st, 0);
    printf("no SA_RESTART: waitpid %d errno %s alarms %d\n", r, strerror(errno), alarms);
    r = waitpid(p, &st, 0);
    printf("then: waitpid matches %d status %d\n", r == p, WEXITSTATUS(st));

    handle(SA_RESTART);
    p = sleeper(2);
    alarm(1);
    r = waitpid(p, &st, 0);
    printf("SA_RESTART: waitpid matches %d status %d alarms %d\n", r == p, WEXITSTATUS(st), alarms);

    alarm(1);
    unsigned left = sleep(5);
    printf("sleep(5) cut short by alarm(1): left between 3 and 4: %d, alarms %d\n", left >= 3 && left <= 4, alarms);

    alarm(1);
    errno = 0;
    r = pause();
    printf("pause: %d %s alarms %d\n", r, strerror(errno), alarms);

    sigset_t block, old, none;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);
    alarm(1);
    sigemptyset(&none);
    r = sigsuspend(&none);
    sigset_t now;
    sigprocmask(SIG_BLOCK, 0, &now);
    printf("sigsuspend: %d alarms %d SIGALRM blocked again %d\n", r, alarms, sigismember(&now, SIGALRM));
    return 0;
}
