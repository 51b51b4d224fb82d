/* A thread that writes and exits while main joins it: StraceThreadsTest reads the --strace lines. */
#include <pthread.h>
#include <unistd.h>

static void *run(void *arg) {
    (void) arg;
    write(1, "thread\n", 7);
    return NULL;
}

int main(void) {
    pthread_t t;
    pthread_create(&t, NULL, run, NULL);
    pthread_join(t, NULL);
    return 0;
}
