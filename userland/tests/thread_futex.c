/* thread_futex: The futex calls themselves: WAIT on a changed value is EAGAIN, a timeout
 * ETIMEDOUT, WAKE counts whom it woke, WAIT_BITSET/WAKE_BITSET match bits, CMP_REQUEUE moves
 * waiters, and a shared futex in MAP_SHARED memory works between processes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static long futex(void *addr, int op, int val, const struct timespec *ts, void *addr2, int val3) {
    return syscall(SYS_futex, addr, op, val, ts, addr2, val3);
}

static atomic_int word, word2, woken, ready;

static void *sleeper(void *arg) {
    int bits = (int)(intptr_t)arg;
    atomic_fetch_add(&ready, 1);
    long r = futex(&word, FUTEX_WAIT_BITSET_PRIVATE, 0, 0, 0, bits);
    if (r == 0) atomic_fetch_add(&woken, 1);
    return 0;
}

static void wait_sleeping(int n) {
    while (atomic_load(&ready) < n) sched_yield();
    for (int i = 0; i < 50; i++) sched_yield();        /* let them reach the futex */
}

int main(void) {
    errno = 0;
    printf("WAIT on another value: %ld %s\n", futex(&word, FUTEX_WAIT_PRIVATE, 1, 0, 0, 0), strerror(errno));
    struct timespec ts = {0, 20 * 1000 * 1000};
    errno = 0;
    printf("WAIT with a timeout: %ld %s\n", futex(&word, FUTEX_WAIT_PRIVATE, 0, &ts, 0, 0), strerror(errno));
    printf("WAKE with no waiter: %ld\n", futex(&word, FUTEX_WAKE_PRIVATE, 1, 0, 0, 0));

    pthread_t t[3];
    pthread_create(&t[0], 0, sleeper, (void *)(intptr_t)1);
    pthread_create(&t[1], 0, sleeper, (void *)(intptr_t)2);
    pthread_create(&t[2], 0, sleeper, (void *)(intptr_t)2);
    wait_sleeping(3);
    printf("WAKE_BITSET bit 2: woke %ld\n", futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 10, 0, 0, 2));
    printf("WAKE_BITSET bit 1: woke %ld\n", futex(&word, FUTEX_WAKE_BITSET_PRIVATE, 10, 0, 0, 1));
    for (int i = 0; i < 3; i++) pthread_join(t[i], 0);
    printf("woken threads: %d\n", atomic_load(&woken));

    atomic_store(&ready, 0);
    atomic_store(&woken, 0);
    for (int i = 0; i < 3; i++) pthread_create(&t[i], 0, sleeper, (void *)(intptr_t)-1);
    wait_sleeping(3);
    errno = 0;
    printf("CMP_REQUEUE with a stale value: %ld %s\n", futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)(intptr_t)2, &word2, 5), strerror(errno));
    printf("CMP_REQUEUE wake 1, move 2: %ld\n", futex(&word, FUTEX_CMP_REQUEUE_PRIVATE, 1, (void *)(intptr_t)2, &word2, 0));
    printf("WAKE on the old word: %ld\n", futex(&word, FUTEX_WAKE_PRIVATE, 10, 0, 0, 0));
    printf("WAKE on the new word: %ld\n", futex(&word2, FUTEX_WAKE_PRIVATE, 10, 0, 0, 0));
    for (int i = 0; i < 3; i++) pthread_join(t[i], 0);
    printf("woken threads: %d\n", atomic_load(&woken));

    int *shared = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        while (__atomic_load_n(&shared[1], __ATOMIC_SEQ_CST) == 0) sched_yield();
        for (int i = 0; i < 50; i++) sched_yield();
        __atomic_store_n(&shared[0], 1, __ATOMIC_SEQ_CST);
        futex(&shared[0], FUTEX_WAKE, 1, 0, 0, 0);   /* wakes the parent if it sleeps (a race whether it does yet) */
        _exit(0);
    }
    __atomic_store_n(&shared[1], 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&shared[0], __ATOMIC_SEQ_CST) == 0) futex(&shared[0], FUTEX_WAIT, 0, 0, 0, 0);
    int st;
    waitpid(p, &st, 0);
    printf("shared futex across fork: parent released, child status %d\n", WEXITSTATUS(st));
    return 0;
}
