/* Robust mutexes: when the owner dies holding one (a thread that exits, a child process
 * with the mutex in shared memory), the next locker gets EOWNERDEAD, marks it consistent
 * and goes on. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

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

    pthread_mutex_t *sm = mmap(0, sizeof *sm, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    init_robust(sm, 1);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { pthread_mutex_lock(sm); _exit(0); }
    int st;
    waitpid(p, &st, 0);
    r = pthread_mutex_lock(sm);
    printf("process died holding it: %s\n", r == EOWNERDEAD ? "EOWNERDEAD" : strerror(r));
    pthread_mutex_consistent(sm);
    pthread_mutex_unlock(sm);
    return 0;
}
