/* time_itimer_huge: setitimer with a value past what nanoseconds hold saturates (ktime_set): armed, never fires, disarms */
#include <stdio.h>
#include <stdint.h>
#include <signal.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
int main(void) {
    struct itimerval v = {{0, 0}, {INT64_MAX, 0}}, o;
    printf("set huge: %d\n", setitimer(ITIMER_REAL, &v, NULL));
    getitimer(ITIMER_REAL, &o);
    printf("armed: %d\n", o.it_value.tv_sec > 1000000000L);
    struct timespec ts = {0, 1000000}; nanosleep(&ts, NULL);
    printf("still alive\n");
    v.it_value.tv_sec = 0; setitimer(ITIMER_REAL, &v, NULL);
    getitimer(ITIMER_REAL, &o);
    printf("disarmed: %ld %ld\n", (long) o.it_value.tv_sec, (long) o.it_value.tv_usec);
    return 0;
}
