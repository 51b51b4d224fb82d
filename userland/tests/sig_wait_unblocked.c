/* sig_wait_unblocked: sigwaitinfo/sigtimedwait/sigwait take a signal of their set that is not blocked and has a handler, without running the handler (Linux unblocks the set while it waits and dequeues first); an unreadable timeout is EFAULT, a malformed one EINVAL; kill and rt_sigqueueinfo accept a thread's id as a process id */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static void handler(int sig) { (void) sig; handled++; }

/* The parent is asleep (state S in /proc/PID/stat) when the child signals it. */
static void wait_sleeping(pid_t pid) {
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    for (int i = 0; i < 5000; i++) {
        FILE *f = fopen(path, "r");
        if (f) {
            size_t n = fread(buf, 1, sizeof buf - 1, f);
            fclose(f);
            buf[n] = 0;
            char *p = strrchr(buf, ')');
            if (p && p[1] == ' ' && p[2] == 'S') return;
        }
        usleep(1000);
    }
}

static pid_t signaller(int sig) {
    pid_t parent = getpid();
    pid_t c = fork();
    if (c == 0) {
        wait_sleeping(parent);
        kill(parent, sig);
        _exit(0);
    }
    return c;
}

static pid_t tid;
static int go;
static void *thread(void *arg) {
    (void) arg;
    tid = syscall(SYS_gettid);
    __atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&go, __ATOMIC_SEQ_CST) == 1) usleep(1000);
    return NULL;
}

int main(void) {
    signal(SIGUSR1, handler);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);

    pid_t c = signaller(SIGUSR1);
    siginfo_t si;
    int r = sigwaitinfo(&set, &si);
    printf("sigwaitinfo: %d %s, si_pid is child %d, si_code SI_USER %d, handler ran %d\n", r,
           r < 0 ? strerrorname_np(errno) : "", si.si_pid == c, si.si_code == SI_USER, handled);
    waitpid(c, NULL, 0);

    c = signaller(SIGUSR1);
    struct timespec ts = {10, 0};
    r = sigtimedwait(&set, NULL, &ts);
    printf("sigtimedwait: %d, handler ran %d\n", r, handled);
    waitpid(c, NULL, 0);

    c = signaller(SIGUSR1);
    int sig = 0;
    r = sigwait(&set, &sig);
    printf("sigwait: %d sig %d, handler ran %d\n", r, sig, handled);
    waitpid(c, NULL, 0);

    /* a signal outside the set with a handler still ends the wait with EINTR */
    signal(SIGUSR2, handler);
    c = signaller(SIGUSR2);
    r = sigwaitinfo(&set, NULL);
    printf("other signal: %d %s, handler ran %d\n", r, r < 0 ? strerrorname_np(errno) : "", handled);
    waitpid(c, NULL, 0);

    /* the timeout: unreadable is EFAULT, malformed EINVAL (rt_sigtimedwait and ppoll alike) */
    r = syscall(SYS_rt_sigtimedwait, &set, NULL, (void *) 1, 8);
    printf("sigtimedwait, bad timeout pointer: %d %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    struct timespec bad = {0, 1000000000};
    r = syscall(SYS_rt_sigtimedwait, &set, NULL, &bad, 8);
    printf("sigtimedwait, tv_nsec 1e9: %d %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_ppoll, NULL, 0, (void *) 1, NULL, 8);
    printf("ppoll, bad timeout pointer: %d %s\n", r, r < 0 ? strerrorname_np(errno) : "");

    /* a thread's id names its process for kill and rt_sigqueueinfo */
    pthread_t th;
    pthread_create(&th, NULL, thread, NULL);
    while (!__atomic_load_n(&go, __ATOMIC_SEQ_CST)) usleep(1000);
    printf("kill(tid, 0): %d\n", kill(tid, 0));
    sigprocmask(SIG_BLOCK, &set, NULL);
    siginfo_t q;
    memset(&q, 0, sizeof q);
    q.si_code = SI_QUEUE;
    q.si_pid = getpid();
    q.si_value.sival_int = 777;
    int before0 = handled;
    long rr = syscall(SYS_rt_sigqueueinfo, tid, SIGUSR1, &q);
    printf("rt_sigqueueinfo(tid): %ld %s\n", rr, rr < 0 ? strerrorname_np(errno) : "");
    /* the thread does not block SIGUSR1 (it was made before the mask changed), so it may take it: wait for either */
    for (int i = 0; i < 2000 && handled == before0; i++) {
        sigset_t pend;
        sigpending(&pend);
        if (sigismember(&pend, SIGUSR1)) break;
        usleep(1000);
    }
    sigset_t pend;
    sigpending(&pend);
    printf("delivered: %d\n", handled == before0 + 1 || sigismember(&pend, SIGUSR1));
    __atomic_store_n(&go, 2, __ATOMIC_SEQ_CST);
    pthread_join(th, NULL);
    /* The join returns once the kernel cleared the thread's tid word (CLONE_CHILD_CLEARTID), a
     * moment before the thread is released: Linux may still find it then, so wait for that. */
    int k = 0;
    for (int i = 0; i < 2000 && (k = kill(tid, 0)) == 0; i++) usleep(1000);
    printf("kill(gone tid, 0): %d %s\n", k, strerrorname_np(errno));
    return 0;
}
