/* nproc_limit: RLIMIT_NPROC counts the user's tasks, threads included; a limit the caller already
   fills makes fork and pthread_create fail with EAGAIN, for any user but root (qemu-user runs as
   the host's user, so only a non-root native run or Vitrine's uid 1000 shows it). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void *idle(void *a) { return a; }

int main(void) {
    struct rlimit rl;
    getrlimit(RLIMIT_NPROC, &rl);
    printf("RLIMIT_NPROC cur == max: %d, above 1: %d\n", rl.rlim_cur == rl.rlim_max, rl.rlim_cur > 1);
    struct rlimit one = { 1, rl.rlim_max };
    printf("setrlimit(RLIMIT_NPROC, 1): %d\n", setrlimit(RLIMIT_NPROC, &one));
    errno = 0;
    pid_t pid = fork();
    if (pid == 0) _exit(0);
    printf("fork: %s\n", pid < 0 ? strerror(errno) : "a child");
    if (pid > 0) waitpid(pid, NULL, 0);
    pthread_t th;
    int e = pthread_create(&th, NULL, idle, NULL);
    printf("pthread_create: %s\n", e ? strerror(e) : "a thread");
    if (!e) pthread_join(th, NULL);
    struct rlimit two = { 2, rl.rlim_max };
    setrlimit(RLIMIT_NPROC, &two);
    pid = fork();
    if (pid == 0) {
        pid_t grandchild = fork();
        if (grandchild == 0) _exit(0);
        _exit(grandchild < 0 && errno == EAGAIN ? 3 : 4);
    }
    int st = 0;
    waitpid(pid, &st, 0);
    printf("limit 2: a child (%d), whose own fork is EAGAIN: %d\n", pid > 0, WEXITSTATUS(st) == 3);
    printf("raising the soft limit again: %d\n", setrlimit(RLIMIT_NPROC, &rl));
    pid = fork();
    if (pid == 0) _exit(7);
    waitpid(pid, &st, 0);
    printf("fork after raising it: exit %d\n", WEXITSTATUS(st));
    return 0;
}
