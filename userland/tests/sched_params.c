/* sched_params: sched_get_priority_max/min by policy, sched_getparam, sched_setparam (priority 0 only for a normal task, another user's EPERM), sched_getscheduler and sched_rr_get_interval, with Linux's EINVAL, ESRCH and EFAULT */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define NOBODY 0x7ffffff0
#define BAD ((void *) 16)

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static long getparam(pid_t pid, void *p) { return syscall(SYS_sched_getparam, pid, p); }
static long setparam(pid_t pid, void *p) { return syscall(SYS_sched_setparam, pid, p); }
static long interval(pid_t pid, void *p) { return syscall(SYS_sched_rr_get_interval, pid, p); }

static pid_t thread_tid;
static void *thread(void *a) {
    __atomic_store_n(&thread_tid, (pid_t) syscall(SYS_gettid), __ATOMIC_SEQ_CST);
    while (__atomic_load_n(&thread_tid, __ATOMIC_SEQ_CST) != 0) usleep(1000);
    return a;
}

int main(void) {
    int policies[] = {SCHED_OTHER, SCHED_FIFO, SCHED_RR, SCHED_BATCH, 4, SCHED_IDLE, 6, -1, 100};
    for (unsigned i = 0; i < sizeof policies / sizeof *policies; i++) {
        errno = 0;
        int mx = sched_get_priority_max(policies[i]);
        int ex = errno;
        errno = 0;
        int mn = sched_get_priority_min(policies[i]);
        printf("policy %d: max %d %s min %d %s\n", policies[i], mx, ex ? strerrorname_np(ex) : "", mn, errno ? strerrorname_np(errno) : "");
    }

    struct sched_param sp = {.sched_priority = 7};
    show("getparam self", getparam(0, &sp));
    printf("  priority %d\n", sp.sched_priority);
    show("getparam getpid()", getparam(getpid(), &sp));
    show("getparam init", getparam(1, &sp));
    show("getparam -1", getparam(-1, &sp));
    show("getparam NULL", getparam(0, NULL));
    show("getparam no such pid", getparam(NOBODY, &sp));
    show("getparam bad pointer", getparam(0, BAD));

    sp.sched_priority = 0;
    show("setparam self 0", setparam(0, &sp));
    sp.sched_priority = 5;
    show("setparam self 5", setparam(0, &sp));
    sp.sched_priority = -1;
    show("setparam self -1", setparam(0, &sp));
    sp.sched_priority = 0;
    show("setparam NULL", setparam(0, NULL));
    show("setparam -1", setparam(-1, &sp));
    show("setparam bad pointer", setparam(0, BAD));
    show("setparam bad pointer, no such pid", setparam(NOBODY, BAD));
    show("setparam no such pid", setparam(NOBODY, &sp));
    show("setparam init (root's) as the user", setparam(1, &sp));
    sp.sched_priority = 5;
    show("setparam init with 5", setparam(1, &sp));

    show("getscheduler self", sched_getscheduler(0));
    show("getscheduler init without SCHED_RESET_ON_FORK", sched_getscheduler(1) & ~SCHED_RESET_ON_FORK);
    show("getscheduler -1", sched_getscheduler(-1));
    show("getscheduler no such pid", sched_getscheduler(NOBODY));

    struct timespec ts = {-1, -1};
    show("rr_get_interval self", interval(0, &ts));
    /* the scheduler's slice: how long is the machine's own (0 when less than a jiffy on Linux) */
    printf("  0 <= interval < 1 s: %d\n", ts.tv_sec == 0 && ts.tv_nsec >= 0 && ts.tv_nsec < 1000000000);
    show("rr_get_interval init", interval(1, &ts));
    show("rr_get_interval -1", interval(-1, &ts));
    show("rr_get_interval no such pid", interval(NOBODY, &ts));
    show("rr_get_interval bad pointer", interval(0, BAD));

    pthread_t t;
    pthread_create(&t, NULL, thread, NULL);
    pid_t tid;
    while ((tid = __atomic_load_n(&thread_tid, __ATOMIC_SEQ_CST)) == 0) usleep(1000);
    sp.sched_priority = 0;
    show("getparam of a thread by its tid", getparam(tid, &sp));
    show("setparam of a thread by its tid", setparam(tid, &sp));
    show("getscheduler of a thread", sched_getscheduler(tid));
    __atomic_store_n(&thread_tid, 0, __ATOMIC_SEQ_CST);
    pthread_join(t, NULL);

    fflush(stdout);
    int p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        char x;
        read(p[0], &x, 1);
        _exit(0);
    }
    show("setparam of a child", setparam(c, &sp));
    show("getparam of a child", getparam(c, &sp));
    write(p[1], "x", 1);
    waitpid(c, NULL, 0);
    return 0;
}
