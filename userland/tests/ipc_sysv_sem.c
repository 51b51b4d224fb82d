/* ipc_sysv_sem: System V semaphores (semget/semop/semtimedop/semctl): values, all-or-nothing operations, sleeping until a value allows (GETNCNT/GETZCNT), timeouts, SEM_UNDO at exit, EINTR and EIDRM for sleepers, and the errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; struct seminfo *info; };

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static int op(int id, int num, int delta, int flg) {
    struct sembuf b = {num, delta, flg};
    return semop(id, &b, 1);
}

/* Polls until semctl(cmd) reports n, so the child is known to sleep; prints the count reached. */
static void wait_count(int id, int num, int cmd, int n, const char *what) {
    int c = 0;
    for (int i = 0; i < 2000 && (c = semctl(id, num, cmd)) != n; i++) usleep(1000);
    printf("%s: %d\n", what, c);
}

static long ms_since(struct timespec *a) {
    struct timespec b;
    clock_gettime(CLOCK_MONOTONIC, &b);
    return (b.tv_sec - a->tv_sec) * 1000 + (b.tv_nsec - a->tv_nsec) / 1000000;
}

static void on_usr1(int sig) { (void) sig; }

static pid_t xfork(void) {
    fflush(stdout);
    return fork();
}

int main(void) {
    key_t key = 0x56500000 + (getpid() & 0xffff);
    show("nsems -1", semget(IPC_PRIVATE, -1, 0600));
    show("nsems 32001", semget(IPC_PRIVATE, 32001, 0600));
    show("nsems 0", semget(IPC_PRIVATE, 0, 0600));
    show("missing key", semget(key, 1, 0600));
    int id = semget(key, 4, IPC_CREAT | IPC_EXCL | 0600);
    show("create", id >= 0);
    show("again, EXCL", semget(key, 4, IPC_CREAT | IPC_EXCL | 0600));
    show("more than it has", semget(key, 5, 0600));
    show("nsems 0 finds it", semget(key, 0, 0) == id);
    struct semid_ds ds;
    union semun u = {.buf = &ds};
    show("IPC_STAT", semctl(id, 0, IPC_STAT, u));
    printf("nsems %lu mode %o otime %ld ctime set %d\n", ds.sem_nsems, ds.sem_perm.mode, (long) ds.sem_otime, ds.sem_ctime != 0);
    show("GETVAL fresh", semctl(id, 0, GETVAL));
    show("SETVAL 5", semctl(id, 0, SETVAL, 5));
    show("GETVAL", semctl(id, 0, GETVAL));
    show("GETPID is self", semctl(id, 0, GETPID) == getpid());
    show("SETVAL -1", semctl(id, 0, SETVAL, -1));
    show("SETVAL 32768", semctl(id, 0, SETVAL, 32768));
    show("SETVAL 32767", semctl(id, 1, SETVAL, 32767));
    show("SETVAL num 4", semctl(id, 4, SETVAL, 1));
    show("GETVAL num -1", semctl(id, -1, GETVAL));
    unsigned short all[4] = {1, 2, 3, 0}, got[4];
    show("SETALL", semctl(id, 0, SETALL, (union semun) {.array = all}));
    show("GETALL", semctl(id, 0, GETALL, (union semun) {.array = got}));
    printf("values %d %d %d %d\n", got[0], got[1], got[2], got[3]);
    unsigned short big[4] = {1, 40000, 3, 0};
    show("SETALL 40000", semctl(id, 0, SETALL, (union semun) {.array = big}));
    show("GETALL bad pointer", semctl(id, 0, GETALL, (union semun) {.array = (unsigned short *) 8}));
    show("bad cmd", semctl(id, 0, 99));
    show("negative id", semctl(-1, 0, GETVAL));

    show("semop -1", op(id, 0, -1, 0));
    show("semop -1 NOWAIT on 0", op(id, 0, -1, IPC_NOWAIT));
    show("semop wait-for-zero NOWAIT on 2", op(id, 1, 0, IPC_NOWAIT));
    show("semop wait-for-zero on 0", op(id, 3, 0, 0));
    show("semop +32767 on 2", op(id, 1, 32767, 0));
    show("semop num 4", op(id, 4, 1, 0));
    struct sembuf two[2] = {{2, -1, 0}, {1, -5, IPC_NOWAIT}};
    show("two ops, second blocks", semop(id, two, 2));
    show("first undone", semctl(id, 2, GETVAL));
    struct sembuf same[2] = {{2, -2, 0}, {2, -1, 0}};
    show("two on one semaphore", semop(id, same, 2));
    show("after", semctl(id, 2, GETVAL));
    show("nsops 0", semop(id, two, 0));
    show("nsops 501", semop(id, two, 501));
    show("bad sops", semop(id, (struct sembuf *) 8, 1));
    show("GETPID after semop", semctl(id, 2, GETPID) == getpid());
    semctl(id, 0, IPC_STAT, u);
    printf("otime set %d\n", ds.sem_otime != 0);

    struct timespec t0, to = {0, 20 * 1000000};
    clock_gettime(CLOCK_MONOTONIC, &t0);
    struct sembuf dec = {0, -1, 0};
    show("semtimedop times out", semtimedop(id, &dec, 1, &to));
    printf("waited >= 20ms: %d\n", ms_since(&t0) >= 20);
    struct timespec badns = {0, 1000000000};
    show("semtimedop bad nsec", semtimedop(id, &dec, 1, &badns));
    show("semtimedop bad timeout pointer", semtimedop(id, &dec, 1, (struct timespec *) 8));
    show("GETNCNT none", semctl(id, 0, GETNCNT));

    /* A child sleeps until the value allows; the parent sees it counted, then lets it go. */
    pid_t pid = xfork();
    if (pid == 0) _exit(op(id, 0, -2, 0) == 0 ? 0 : 1);
    wait_count(id, 0, GETNCNT, 1, "GETNCNT with a sleeper");
    show("GETZCNT", semctl(id, 0, GETZCNT));
    op(id, 0, 1, 0);
    show("one is not enough, GETNCNT", semctl(id, 0, GETNCNT));
    op(id, 0, 1, 0);
    int st;
    waitpid(pid, &st, 0);
    printf("child done: %d, value %d\n", WEXITSTATUS(st), semctl(id, 0, GETVAL));

    semctl(id, 3, SETVAL, 1);
    pid = xfork();
    if (pid == 0) _exit(op(id, 3, 0, 0) == 0 ? 0 : 1);
    wait_count(id, 3, GETZCNT, 1, "GETZCNT with a sleeper");
    op(id, 3, -1, 0);
    waitpid(pid, &st, 0);
    printf("zero waiter done: %d\n", WEXITSTATUS(st));

    /* SEM_UNDO: what a process did is undone when it exits. */
    semctl(id, 0, SETVAL, 10);
    pid = xfork();
    if (pid == 0) {
        op(id, 0, 3, SEM_UNDO);
        op(id, 0, -5, SEM_UNDO);
        op(id, 0, 1, 0);
        printf("child sees %d\n", semctl(id, 0, GETVAL));
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    show("after the SEM_UNDO child", semctl(id, 0, GETVAL));
    pid = xfork();
    if (pid == 0) {
        op(id, 0, -11, SEM_UNDO);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    show("a child that took all", semctl(id, 0, GETVAL));
    pid = xfork();
    if (pid == 0) {
        op(id, 0, -4, SEM_UNDO);
        semctl(id, 0, SETVAL, 2);
        _exit(0);
    }
    waitpid(pid, &st, 0);
    show("SETVAL clears the undo", semctl(id, 0, GETVAL));

    /* A handler ends the sleep with EINTR even with SA_RESTART. */
    semctl(id, 0, SETVAL, 0);
    pid = xfork();
    if (pid == 0) {
        struct sigaction sa = {0};
        sa.sa_handler = on_usr1;
        sa.sa_flags = SA_RESTART;
        sigaction(SIGUSR1, &sa, NULL);
        int r = op(id, 0, -1, 0);
        _exit(r < 0 && errno == EINTR ? 4 : 5);
    }
    wait_count(id, 0, GETNCNT, 1, "sleeper before the signal");
    kill(pid, SIGUSR1);
    waitpid(pid, &st, 0);
    printf("EINTR: %d, GETNCNT after %d\n", WEXITSTATUS(st) == 4, semctl(id, 0, GETNCNT));

    /* Removal wakes sleepers with EIDRM. */
    pid = xfork();
    if (pid == 0) {
        int r = op(id, 0, -1, 0);
        _exit(r < 0 && errno == EIDRM ? 6 : 7);
    }
    wait_count(id, 0, GETNCNT, 1, "sleeper before IPC_RMID");
    show("IPC_RMID", semctl(id, 0, IPC_RMID));
    waitpid(pid, &st, 0);
    printf("EIDRM: %d\n", WEXITSTATUS(st) == 6);
    show("IPC_STAT removed", semctl(id, 0, IPC_STAT, u));
    show("semop removed", op(id, 0, 1, 0));
    show("IPC_RMID again", semctl(id, 0, IPC_RMID));
    show("key free", semget(key, 1, 0600));

    struct seminfo si;
    show("IPC_INFO", semctl(0, 0, IPC_INFO, (union semun) {.info = &si}) >= 0);
    printf("semmsl %d semopm %d semvmx %d semmni %d\n", si.semmsl, si.semopm, si.semvmx, si.semmni);
    return 0;
}
