/* sys_ltp_edges: corners LTP checks: gettimeofday's tz pointer (filled, EFAULT when bad), SA_RESETHAND keeping the flags and mask once the handler runs */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static void handler(int sig, siginfo_t *si, void *uc) { (void) sig; (void) si; (void) uc; }

int main(void) {
    struct timeval tv;
    struct timezone tz = {123, 456};
    long r = syscall(SYS_gettimeofday, &tv, &tz);
    printf("gettimeofday: %ld tz %d %d\n", r, tz.tz_minuteswest, tz.tz_dsttime);
    r = syscall(SYS_gettimeofday, &tv, (void *) 8);
    printf("bad tz: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_gettimeofday, (void *) 8, NULL);
    printf("bad tv: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_gettimeofday, NULL, NULL);
    printf("both NULL: %ld\n", r);

    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &old);
    printf("after delivery: handler default %d SA_SIGINFO %d SA_RESETHAND %d mask has USR2 %d\n",
           old.sa_handler == SIG_DFL, !!(old.sa_flags & SA_SIGINFO), !!(old.sa_flags & SA_RESETHAND),
           sigismember(&old.sa_mask, SIGUSR2));
    return 0;
}
