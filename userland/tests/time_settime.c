/* time_settime: clock_settime's errors in Linux's order: clocks without a set (EINVAL), a bad pointer (EFAULT), a bad or negative time (EINVAL) before the capability (EPERM for a user), a CPU clock (EPERM, or EINVAL for no such process); the 32-bit time64 calls are ENOSYS on riscv64 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static long settime(clockid_t c, const struct timespec *ts) { return syscall(SYS_clock_settime, c, ts); }

int main(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    clockid_t clocks[] = {CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID, CLOCK_MONOTONIC_RAW,
                          CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME, 8, 9, 10, CLOCK_TAI, 12, 16, 99};
    for (unsigned i = 0; i < sizeof clocks / sizeof *clocks; i++) {
        char what[64];
        snprintf(what, sizeof what, "clock %d", clocks[i]);
        show(what, settime(clocks[i], &now));
    }
    /* a clock without a set and a bad pointer: EINVAL on Linux, EFAULT under qemu-user, which reads the time first */
    show("realtime, bad pointer", settime(CLOCK_REALTIME, (void *) 16));
    show("realtime, nsec 1e9", settime(CLOCK_REALTIME, &(struct timespec){now.tv_sec, 1000000000}));
    show("realtime, nsec -1", settime(CLOCK_REALTIME, &(struct timespec){now.tv_sec, -1}));
    show("realtime, sec -1", settime(CLOCK_REALTIME, &(struct timespec){-1, 0}));
    show("realtime, sec 2^40", settime(CLOCK_REALTIME, &(struct timespec){1L << 40, 0}));
    show("realtime, now", settime(CLOCK_REALTIME, &now));
    show("realtime, 1970", settime(CLOCK_REALTIME, &(struct timespec){0, 0}));
    clockid_t mine;
    clock_getcpuclockid(0, &mine);
    show("own process CPU clock", settime(mine, &now));
    clockid_t nobody = (clockid_t) (((unsigned) ~4000000 << 3) | 2);   /* CPUCLOCK_SCHED of pid 4000000 */
    show("a CPU clock of no process", settime(nobody, &now));
    show("a CPU clock of no process, bad pointer", settime(nobody, (void *) 16));
    show("an fd clock", settime((clockid_t) ((~5) << 3 | 3), &now));
    show("stime-like: gettimeofday still works", gettimeofday(&(struct timeval){0, 0}, NULL));
    /* the time64 calls of 32-bit kernels (403 to 423) do not exist on riscv64 */
    show("clock_settime64 (404)", syscall(404, CLOCK_REALTIME, &now));
    show("semtimedop_time64 (420)", syscall(420, 0, NULL, 0, NULL));
    show("sched_rr_get_interval_time64 (423)", syscall(423, 0, &now));
    return 0;
}
