/* clock_settime_root: root sets the machine's wall clock; the oracle cannot run this (it would set the host's), so each line is a property of Linux's clock_settime that ClockSettimeTest checks */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static long long ns(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long btime(void) {
    char b[256];
    long long t = -1;
    FILE *f = fopen("/proc/stat", "r");
    while (fgets(b, sizeof b, f)) if (sscanf(b, "btime %lld", &t) == 1) break;
    fclose(f);
    return t;
}

int main(void) {
    const long long target = 1893456000LL;   /* 2030-01-01 */
    long long real0 = ns(CLOCK_REALTIME), mono0 = ns(CLOCK_MONOTONIC), boot0 = btime();
    struct timespec want = {target, 500000000};
    int r = clock_settime(CLOCK_REALTIME, &want);
    printf("settime returns 0: %d\n", r == 0);
    long long real1 = ns(CLOCK_REALTIME), mono1 = ns(CLOCK_MONOTONIC), boot1 = btime();
    printf("realtime is the time set, then runs on: %d\n", real1 >= target * 1000000000LL + 500000000 && real1 < (target + 1) * 1000000000LL);
    printf("monotonic did not jump: %d\n", mono1 >= mono0 && mono1 - mono0 < 1000000000LL);
    printf("btime moved with the wall clock: %d\n", boot1 - boot0 >= (target - real0 / 1000000000LL) - 1 && boot1 - boot0 <= (target - real0 / 1000000000LL) + 1);
    struct timeval tv;
    gettimeofday(&tv, NULL);
    printf("gettimeofday agrees: %d\n", tv.tv_sec == target);
    printf("time() agrees: %d\n", time(NULL) == target);
    int fd = open("/tmp/clock_settime_file", O_CREAT | O_WRONLY | O_TRUNC, 0600);
    struct stat st;
    fstat(fd, &st);
    close(fd);
    unlink("/tmp/clock_settime_file");
    printf("a new file's mtime is the new time: %d\n", st.st_mtime == target);
    errno = 0;
    r = clock_settime(CLOCK_REALTIME, &(struct timespec){0, 0});
    printf("before boot is EINVAL: %d\n", r == -1 && errno == EINVAL);
    struct timespec back = {real0 / 1000000000LL, real0 % 1000000000LL};
    r = clock_settime(CLOCK_REALTIME, &back);
    printf("setting it back: %d\n", r == 0 && ns(CLOCK_REALTIME) >= real0 && ns(CLOCK_REALTIME) - real0 < 1000000000LL);
    return 0;
}
