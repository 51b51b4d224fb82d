/* futex_waitv_native: futex_waitv (value mismatch, timeouts on both clocks, the woken index, no waiter left behind, the errnos), checked against a native build: qemu-user 7.2 has no futex_waitv */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#ifndef FUTEX2_SIZE_U32
#define FUTEX2_SIZE_U32 FUTEX_32
#define FUTEX2_PRIVATE FUTEX_PRIVATE_FLAG
#endif

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}


static long waitv(struct futex_waitv *w, unsigned n, unsigned flags, struct timespec *ts, int clk) {
    return syscall(SYS_futex_waitv, w, n, flags, ts, clk);
}

static uint32_t va, vb;
static volatile int started, result = -100, err;


static void *waiter_v(void *arg) {
    (void) arg;
    struct futex_waitv w[2] = {{0, (uintptr_t) &va, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE, 0}, {0, (uintptr_t) &vb, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE, 0}};
    started = 1;
    long r = waitv(w, 2, 0, NULL, 0);
    err = errno;
    result = r;
    return NULL;
}

int main(void) {
    /* futex_waitv */
    va = 1;
    vb = 2;
    struct futex_waitv w[2] = {{1, (uintptr_t) &va, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE, 0}, {3, (uintptr_t) &vb, FUTEX2_SIZE_U32 | FUTEX2_PRIVATE, 0}};
    show("waitv, second differs", waitv(w, 2, 0, NULL, 0));
    w[1].val = 2;
    struct timespec now, ts;
    clock_gettime(CLOCK_MONOTONIC, &now);
    ts = now;
    ts.tv_nsec += 20000000;
    if (ts.tv_nsec >= 1000000000) { ts.tv_sec++; ts.tv_nsec -= 1000000000; }
    show("waitv, times out", waitv(w, 2, 0, &ts, CLOCK_MONOTONIC));
    struct timespec after;
    clock_gettime(CLOCK_MONOTONIC, &after);
    printf("waited >= 20ms: %d\n", (after.tv_sec - now.tv_sec) * 1000000000L + after.tv_nsec - now.tv_nsec >= 20000000);
    clock_gettime(CLOCK_REALTIME, &ts);
    show("waitv, realtime deadline passed", waitv(w, 2, 0, &ts, CLOCK_REALTIME));

    va = vb = 0;
    started = 0;
    pthread_t a;
    pthread_create(&a, NULL, waiter_v, NULL);
    while (!started) usleep(1000);
    for (int i = 0; i < 2000 && syscall(SYS_futex, &vb, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0) == 0; i++) usleep(1000);
    pthread_join(a, NULL);
    printf("waitv woken by the second: %d\n", result);
    show("nothing left asleep on the first", syscall(SYS_futex, &va, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0));

    show("flags 1", waitv(w, 2, 1, NULL, 0));
    show("none", waitv(w, 0, 0, NULL, 0));
    show("129", waitv(w, 129, 0, NULL, 0));
    show("NULL list", waitv(NULL, 2, 0, NULL, 0));
    show("clock 5", waitv(w, 2, 0, &ts, 5));
    show("bad timeout pointer", waitv(w, 2, 0, (struct timespec *) 8, CLOCK_MONOTONIC));
    show("bad list pointer", waitv((struct futex_waitv *) 8, 2, 0, NULL, 0));
    w[0].flags = 3;
    show("64-bit size", waitv(w, 2, 0, NULL, 0));
    w[0].flags = FUTEX2_SIZE_U32;
    w[0].__reserved = 1;
    show("reserved set", waitv(w, 2, 0, NULL, 0));
    w[0].__reserved = 0;
    w[0].uaddr += 1;
    show("unaligned", waitv(w, 2, 0, NULL, 0));
    w[0].uaddr -= 1;
    w[0].val = 1ULL << 32;
    show("value past 32 bits", waitv(w, 2, 0, NULL, 0));
    return 0;
}
