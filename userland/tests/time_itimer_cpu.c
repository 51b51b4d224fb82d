/* time_itimer_cpu: setitimer/getitimer's ITIMER_VIRTUAL and ITIMER_PROF fire on the process's CPU time (SIGVTALRM, SIGPROF), re-arm by their interval, and the errors */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

static volatile int vt, prof;
static void on_vt(int s) { (void) s; vt++; }
static void on_prof(int s) { (void) s; prof++; }

int main(void) {
    signal(SIGVTALRM, on_vt);
    signal(SIGPROF, on_prof);
    struct itimerval it = {{0, 2000}, {0, 2000}}, old, cur;
    printf("set VIRTUAL: %d\n", setitimer(ITIMER_VIRTUAL, &it, &old));
    printf("old value %ld.%06ld\n", (long) old.it_value.tv_sec, (long) old.it_value.tv_usec);
    getitimer(ITIMER_VIRTUAL, &cur);
    /* Not "value > 2000": Linux adds a tick to the value, and how much CPU time passed before
     * getitimer (qemu translating printf's code takes milliseconds) decides the rest. */
    printf("armed: interval %ld usec, value set %d\n", (long) cur.it_interval.tv_usec,
           cur.it_value.tv_sec > 0 || cur.it_value.tv_usec > 0);
    volatile unsigned long x = 0;
    while (vt < 3) x++;
    printf("SIGVTALRM three times: %d\n", vt >= 3);
    it.it_interval.tv_usec = 0;
    it.it_value.tv_usec = 0;
    setitimer(ITIMER_VIRTUAL, &it, NULL);
    it.it_value.tv_usec = 3000;
    printf("set PROF: %d\n", setitimer(ITIMER_PROF, &it, NULL));
    while (prof < 1) x++;
    printf("SIGPROF once: %d\n", prof);
    getitimer(ITIMER_PROF, &cur);
    printf("one-shot done: %ld %ld\n", (long) cur.it_value.tv_usec, (long) cur.it_interval.tv_usec);
    long r = syscall(SYS_setitimer, 3, &it, NULL);
    printf("which 3: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_getitimer, ITIMER_VIRTUAL, (void *) 8);
    printf("bad pointer: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    it.it_value.tv_usec = 1000000;
    r = syscall(SYS_setitimer, ITIMER_PROF, &it, NULL);
    printf("usec 1000000: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    return 0;
}
