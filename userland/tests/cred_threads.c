/* cred_threads: credentials are per thread, as Linux keeps them: a raw setresuid/setgroups syscall changes only the calling thread (its task/TID/status shows it, the other thread keeps root's ids), while glibc's setresuid/setgroups make every thread agree (its SIGSETXID broadcast; glibc aborts if the threads' answers differ, so the program keeps them able to agree). */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static pthread_barrier_t go, done, seen;
static pid_t worker_tid;

/* The Uid/Gid/Groups lines of one thread's status, joined on one line. */
static void status(const char *who, pid_t tid) {
    char path[64], line[256], out[512] = "";
    snprintf(path, sizeof path, "/proc/self/task/%d/status", tid);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "Uid:", 4) || !strncmp(line, "Gid:", 4) || !strncmp(line, "Groups:", 7)) {
            line[strcspn(line, "\n")] = 0;
            strncat(out, line, sizeof out - strlen(out) - 2);
            strcat(out, " | ");
        }
    if (f) fclose(f);
    printf("%-8s %s\n", who, out);
}

static void self(const char *who) {
    uid_t r, e, s;
    getresuid(&r, &e, &s);
    printf("%-8s getresuid %u %u %u, %d groups\n", who, r, e, s, getgroups(0, NULL));
}

static void *worker(void *arg) {
    (void) arg;
    worker_tid = gettid();
    for (int round = 0; round < 3; round++) {
        pthread_barrier_wait(&go);
        self("worker");
        pthread_barrier_wait(&done);
        pthread_barrier_wait(&seen);     /* alive while main reads its status */
    }
    return NULL;
}

static void round_end(void) {
    pthread_barrier_wait(&go);
    pthread_barrier_wait(&done);
    status("main", gettid());
    status("worker", worker_tid);
    pthread_barrier_wait(&seen);
}

int main(void) {
    pthread_t t;
    pthread_barrier_init(&go, NULL, 2);
    pthread_barrier_init(&done, NULL, 2);
    pthread_barrier_init(&seen, NULL, 2);
    pthread_create(&t, NULL, worker, NULL);
    self("main");
    round_end();
    gid_t g[2] = {5, 7};
    printf("raw setgroups %ld\n", syscall(SYS_setgroups, 2, g));
    printf("raw setresuid %ld\n", syscall(SYS_setresuid, 1000, 1000, 0));
    self("main");
    round_end();
    printf("setresuid %d\n", setresuid(0, 0, 0));
    printf("setgroups %d\n", setgroups(1, g));
    printf("setresuid %d\n", setresuid(2000, 2000, 2000));
    self("main");
    round_end();
    pthread_join(t, NULL);
    return 0;
}
