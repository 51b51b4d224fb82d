/* thread_mutex_cond: pthreads: four threads add to a counter under a mutex; a producer and a consumer pass (continued) */
/*
 * items through a one-slot buffer with two condition variables; joins return values. */
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/syscall.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *adder(void *arg) {
    long n = (long)(intptr_t)arg;
    for (long i = 0; i < n; i++) {
        pthread_mutex_lock(&lock);
        long v = counter;
        if (i % 101 == 0) sched_yield();
        counter = v + 1;
        pthread_mutex_unlock(&lock);
    }
    return (void *)(intptr_t)(n / 1000);
}

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER, not_full = PTHREAD_COND_INITIALIZER;
static int slot, full, done;

static void *producer(void *arg) {
    (void)arg;
    for (int i = 1; i <= 200; i++) {
        pthread_mutex_lock(&m);
        while (full) pthread_cond_wait(&not_full, &m);
        slot = i;
        full = 1;
        pthread_cond_signal(&not_empty);
        pthread_mutex_unlock(&m);
    }
    pthread_mutex_lock(&m);
    while (full) pthread_cond_wait(&not_full, &m);
    done = 1;
    pthread_cond_broadcast(&not_empty);
    pthread_mutex_unlock(&m);
    return 0;
}

static void *consumer(void *arg) {
    long sum = 0, count = 0;
    (void)arg;
    for (;;) {
        pthread_mutex_lock(&m);
        while (!full && !done) pthread_cond_wait(&not_empty, &m);
        if (full) {
            sum += slot;
            count++;
            full = 0;
            pthread_cond_signal(&not_full);
            pthread_mutex_unlock(&m);
            continue;
        }
        pthread_mutex_unlock(&m);
        break;
    }
    printf("consumer: %ld items, sum %ld\n", count, sum);
    return (void *)(intptr_t)count;
}

static void *ids(void *arg) {
    int *out = arg;
    out[0] = getpid();
    out[1] = (int)syscall(SYS_gettid);
    return 0;
}

int main(void) {
    pthread_t t[4];
    for (int i = 0; i < 4; i++) pthread_create(&t[i], 0, adder, (void *)(intptr_t)(5000 * (i + 1)));
    long rets = 0;
    for (int i = 0; i < 4; i++) { void *r; pthread_join(t[i], &r); rets += (long)(intptr_t)r; }
    printf("counter %ld (expected 50000), joined values sum %ld\n", counter, rets);

    pthread_t p, c;
    pthread_create(&c, 0, consumer, 0);
    pthread_create(&p, 0, producer, 0);
    void *got;
    pthread_join(p, 0);
    pthread_join(c, &got);
    printf("joined consumer: %ld\n", (long)(intptr_t)got);

    int idv[2];
    pthread_t x;
    pthread_create(&x, 0, ids, idv);
    pthread_join(x, 0);
    printf("thread shares pid: %d, has its own tid: %d\n", idv[0] == getpid(), idv[1] != getpid());
    return 0;
}
