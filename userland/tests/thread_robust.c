/* thread_robust: Robust mutexes: when the owning thread exits holding one, the next locker gets
 * EOWNERDEAD, marks it consistent and goes on. (The same across processes, in shared memory,
 * needs the kernel's robust list, which qemu-user lacks: ProcRunTest checks it.)
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static pthread_mutex_t m;

static void *die_holding(void *arg) {
    (void)arg;
    pthread_mutex_lock(&m);
    return 0;                    /* exits with the mutex held */
}

static void init_robust(pthread_mutex_t *mx, int pshared) {
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
    if (pshared) pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(mx, &a);
}

int main(void) {
    init_robust(&m, 0);
    pthread_t t;
    pthread_create(&t, 0, die_holding, 0);
    pthread_join(t, 0);
    int r = pthread_mutex_lock(&m);
    printf("thread died holding it: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    pthread_mutex_consistent(&m);
    pthread_mutex_unlock(&m);
    printf("lock again: %d\n", pthread_mutex_lock(&m));
    pthread_mutex_unlock(&m);

    return 0;
}
