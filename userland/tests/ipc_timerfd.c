/* ipc_timerfd: timerfd one-shot and periodic expirations, gettime, absolute times, poll and epoll readiness, and the errors */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void) {
    show("bad clock", timerfd_create(5, 0));
    show("bad flags", timerfd_create(CLOCK_MONOTONIC, 1));
    int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    show("create", fd >= 0);
    uint64_t n = 0;
    show("read unarmed", read(fd, &n, 8));
    struct itimerspec its = {{0, 0}, {0, 20000000}}, old, cur;
    show("settime 20ms one-shot", timerfd_settime(fd, 0, &its, &old));
    printf("old value %ld.%09ld\n", (long) old.it_value.tv_sec, old.it_value.tv_nsec);
    timerfd_gettime(fd, &cur);
    printf("armed: value>0 %d <=20ms %d\n", cur.it_value.tv_nsec > 0, cur.it_value.tv_nsec <= 20000000);
    struct pollfd p = {fd, POLLIN, 0};
    show("poll before", poll(&p, 1, 0));
    show("poll wait", poll(&p, 1, 1000));
    printf("revents %#x\n", p.revents);
    show("read short", read(fd, &n, 4));
    show("read", read(fd, &n, 8));
    printf("expirations %llu\n", (unsigned long long) n);
    timerfd_gettime(fd, &cur);
    printf("after: %ld.%09ld\n", (long) cur.it_value.tv_sec, cur.it_value.tv_nsec);

    its.it_interval.tv_nsec = 10000000;
    its.it_value.tv_nsec = 10000000;
    timerfd_settime(fd, 0, &its, NULL);
    usleep(55000);
    read(fd, &n, 8);
    printf("periodic after 55ms: at least 4 %d\n", n >= 4);
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN, {.u64 = 7}};
    epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
    show("epoll_wait", epoll_wait(ep, &ev, 1, 1000));
    printf("data %llu\n", (unsigned long long) ev.data.u64);
    memset(&its, 0, sizeof its);
    timerfd_settime(fd, 0, &its, &old);
    printf("disarm: old interval %ld.%09ld\n", (long) old.it_interval.tv_sec, old.it_interval.tv_nsec);
    timerfd_gettime(fd, &cur);
    printf("disarmed %ld %ld\n", cur.it_value.tv_nsec, cur.it_interval.tv_nsec);

    int rt = timerfd_create(CLOCK_REALTIME, 0);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    its.it_value = now;
    its.it_value.tv_nsec += 5000000;
    if (its.it_value.tv_nsec >= 1000000000) { its.it_value.tv_sec++; its.it_value.tv_nsec -= 1000000000; }
    show("absolute realtime", timerfd_settime(rt, TFD_TIMER_ABSTIME, &its, NULL));
    show("blocking read", read(rt, &n, 8));
    printf("expirations %llu\n", (unsigned long long) n);
    its.it_value.tv_sec = 1;
    its.it_value.tv_nsec = 0;
    show("absolute in the past", timerfd_settime(rt, TFD_TIMER_ABSTIME, &its, NULL));
    show("read", read(rt, &n, 8));

    its.it_value.tv_nsec = 1000000000;
    show("bad nsec", timerfd_settime(fd, 0, &its, NULL));
    its.it_value.tv_nsec = 0;
    show("bad flags", timerfd_settime(fd, 8, &its, NULL));
    show("bad pointer", timerfd_settime(fd, 0, (void *) 8, NULL));
    show("not a timerfd", timerfd_settime(ep, 0, &its, NULL));
    show("bad fd", timerfd_gettime(99, &cur));
    show("gettime bad pointer", timerfd_gettime(fd, (void *) 8));
    return 0;
}
