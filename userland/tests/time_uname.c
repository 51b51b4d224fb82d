/* time_uname: clocks and identity without printing values that vary - realtime plausibility, monotonic and process clocks never go backwards, nanosleep/clock_nanosleep sleep at least as asked, gettimeofday vs time(), clock_getres, uname sysname/machine. */
#include <stdio.h>
#include <time.h>
#include <string.h>
#include <errno.h>
#include <sys/time.h>
#include <sys/utsname.h>

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void)
{
    struct timespec rt, m0, m1, p0, p1, res;
    clock_gettime(CLOCK_REALTIME, &rt);
    printf("realtime after 2020-01-01: %d, nsec in range: %d\n", rt.tv_sec > 1577836800, rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000);
    int backwards = 0;
    clock_gettime(CLOCK_MONOTONIC, &m0);
    for (int i = 0; i < 2000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &m1);
        if (ns(m1) < ns(m0)) backwards++;
        m0 = m1;
    }
    printf("monotonic went backwards %d times\n", backwards);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p0);
    volatile double x = 0;
    for (int i = 0; i < 200000; i++) x += i * 0.5;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &p1);
    printf("process cputime advanced: %d\n", ns(p1) > ns(p0));
    struct timespec req = {0, 20 * 1000000}, a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    int r = nanosleep(&req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("nanosleep 20ms: rc %d slept >= 20ms: %d\n", r, ns(b) - ns(a) >= 20000000LL);
    clock_gettime(CLOCK_MONOTONIC, &a);
    struct timespec until = {a.tv_sec, a.tv_nsec + 5000000};
    if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("clock_nanosleep absolute: rc %d reached: %d\n", r, ns(b) >= ns(until));
    struct timeval tv;
    gettimeofday(&tv, NULL);
    time_t t = time(NULL);   /* the coarse clock: it may still show the second gettimeofday just left */
    printf("gettimeofday close to time(): %d usec in range: %d\n", t - tv.tv_sec >= -1 && t - tv.tv_sec <= 2, tv.tv_usec >= 0 && tv.tv_usec < 1000000);
    printf("clock_getres monotonic rc %d positive %d\n", clock_getres(CLOCK_MONOTONIC, &res), ns(res) > 0);
    printf("bad clock id: %d %s\n", clock_gettime(12345, &res), strerror(errno));
    printf("clock() non-negative: %d\n", clock() >= 0);
    struct utsname u;
    printf("uname rc %d sysname %s machine %s\n", uname(&u), u.sysname, u.machine);
    return 0;
}
