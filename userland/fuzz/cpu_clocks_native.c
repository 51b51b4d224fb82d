/* cpu_clocks_native: CPU-time clocks of processes and threads (clock_getcpuclockid, pthread_getcpuclockid) and sched_getaffinity lengths whose bit count wraps an unsigned int; the native build is the oracle (qemu-user crashes on the 2^30 length) */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static void show(const char *what, int r) { printf("%s: %s\n", what, r == 0 ? "ok" : strerror(r > 0 ? r : errno)); }
int main(void) {
    volatile long x = 0; for (long i = 0; i < 2000000; i++) x += i;
    clockid_t c; struct timespec ts = {0, 0};
    show("getcpuclockid self", clock_getcpuclockid(0, &c));
    show("gettime self", clock_gettime(c, &ts));
    printf("self positive: %d\n", ts.tv_sec > 0 || ts.tv_nsec > 0);
    show("getres self", clock_getres(c, &ts));
    pid_t ch = fork();
    if (ch == 0) { for (;;) pause(); }
    show("getcpuclockid child", clock_getcpuclockid(ch, &c));
    show("gettime child", clock_gettime(c, &ts));
    kill(ch, 9); waitpid(ch, 0, 0);
    show("gettime reaped child", clock_gettime(c, &ts));
    pthread_getcpuclockid(pthread_self(), &c);
    show("gettime own thread clock", clock_gettime(c, &ts));
    show("gettime fd clock", clock_gettime((clockid_t) ((~3 << 3) | 3), &ts));
    show("gettime no such pid", clock_gettime((clockid_t) ((~99999 << 3) | 2), &ts));
    cpu_set_t set;
    printf("getaffinity 2^30: %ld\n", (long) syscall(SYS_sched_getaffinity, 0, 1u << 30, &set) < 0 ? -errno : 0L);
    printf("getaffinity 2^29: %ld\n", (long) syscall(SYS_sched_getaffinity, 0, 1u << 29, &set) < 0 ? -errno : 0L);
    printf("getaffinity 0: %ld\n", (long) syscall(SYS_sched_getaffinity, 0, 0, &set) < 0 ? -errno : 0L);
    return 0;
}
