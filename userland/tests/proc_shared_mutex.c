/* proc_shared_mutex: A PTHREAD_PROCESS_SHARED mutex in MAP_SHARED|MAP_ANONYMOUS memory synchronizes a parent (continued) */
/*
 * and its child: both add to one counter under the lock, and no increment is lost. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

struct shared { pthread_mutex_t lock; long counter; };

static void add(struct shared *s, int n) {
    for (int i = 0; i < n; i++) {
        pthread_mutex_lock(&s->lock);
        long v = s->counter;
        if (i % 97 == 0) sched_yield();     /* invite the other side in while holding the lock */
        s->counter = v + 1;
        pthread_mutex_unlock(&s->lock);
    }
}

int main(void) {
    struct shared *s = mmap(0, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pthread_mutexattr_t a;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
    pthread_mutex_init(&s->lock, &a);
    s->counter = 0;
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { add(s, 20000); _exit(0); }
    add(s, 20000);
    int st;
    waitpid(p, &st, 0);
    printf("counter = %ld (expected 40000)\n", s->counter);
    return 0;
}
