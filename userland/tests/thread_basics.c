/* thread_basics: Threads: each has its own tid and signal mask, shares the pid and memory;
 * pthread_exit values, detached threads, thread-directed signals (pthread_kill), sigwait in a
 * thread, a barrier, a rwlock and a semaphore.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>

static pid_t tids[4];
static pthread_barrier_t barrier;
static volatile int hits[4];
static __thread int which = -1;

static void on_usr1(int sig) { (void)sig; if (which >= 0) hits[which]++; }

static void *worker(void *arg) {
    int i = (int)(intptr_t)arg;
    which = i;
    tids[i] = (pid_t)syscall(SYS_gettid);
    pthread_barrier_wait(&barrier);          /* all tids known */
    pthread_barrier_wait(&barrier);          /* main has sent the signals */
    if (i == 3) pthread_exit((void *)(intptr_t)33);
    return (void *)(intptr_t)(i * 10);
}

static sem_t sem;
static void *detached(void *arg) {
    (void)arg;
    sem_post(&sem);
    return 0;
}

static void *waiter(void *arg) {
    sigset_t *set = arg;
    int sig = 0;
    sigwait(set, &sig);
    return (void *)(intptr_t)sig;
}

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static long shared_value;
static void *reader(void *arg) {
    long sum = 0;
    (void)arg;
    for (int i = 0; i < 1000; i++) { pthread_rwlock_rdlock(&rw); sum += shared_value; pthread_rwlock_unlock(&rw); }
    return (void *)(intptr_t)(sum >= 0);
}
static void *writer(void *arg) {
    (void)arg;
    for (int i = 0; i < 1000; i++) { pthread_rwlock_wrlock(&rw); shared_value++; pthread_rwlock_unlock(&rw); }
    return 0;
}

int main(void) {
    signal(SIGUSR1, on_usr1);
    pthread_barrier_init(&barrier, 0, 5);
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, worker, (void *)(intptr_t)i);
    pthread_barrier_wait(&barrier);
    int distinct = 1;
    for (int i = 0; i < 4; i++) for (int j = 0; j < i; j++) if (tids[i] == tids[j] || tids[i] == getpid()) distinct = 0;
    printf("tids distinct and not the pid: %d\n", distinct);
    pthread_kill(t[2], SIGUSR1);
    pthread_kill(t[2], SIGUSR1 + 0);
    pthread_barrier_wait(&barrier);
    for (int i = 0; i < 4; i++) {
        void *r;
        pthread_join(t[i], &r);
        printf("thread %d returned %ld\n", i, (long)(intptr_t)r);
    }
    printf("SIGUSR1 hits per thread: %d %d %d %d\n", hits[0], hits[1], hits[2] > 0, hits[3]);

    sem_init(&sem, 0, 0);
    pthread_attr_t a;
    pthread_attr_init(&a);
    pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
    pthread_t d;
    pthread_create(&d, &a, detached, 0);
    sem_wait(&sem);
    printf("detached thread posted the semaphore\n");

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    pthread_sigmask(SIG_BLOCK, &set, 0);
    pthread_t w;
    pthread_create(&w, 0, waiter, &set);
    kill(getpid(), SIGUSR2);
    void *got;
    pthread_join(w, &got);
    printf("sigwait in a thread got %ld\n", (long)(intptr_t)got);

    pthread_t r1, r2, w1;
    pthread_create(&r1, 0, reader, 0);
    pthread_create(&w1, 0, writer, 0);
    pthread_create(&r2, 0, reader, 0);
    pthread_join(r1, 0); pthread_join(r2, 0); pthread_join(w1, 0);
    printf("rwlock: value %ld\n", shared_value);
    return 0;
}
