/* ipc_sysv_perm: System V IPC permissions for an unprivileged owner (mode bits on shmat/semop/msgsnd/IPC_STAT, IPC_SET's msg_qbytes ceiling, SHM_LOCK against RLIMIT_MEMLOCK) */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void) {
    printf("uid %d\n", (int) geteuid());
    int shm = shmget(IPC_PRIVATE, 4096, 0400);
    show("shmat read-write of 0400", (long) shmat(shm, NULL, 0) == -1 ? -1 : 0);
    show("shmat read-only of 0400", (long) shmat(shm, NULL, SHM_RDONLY) == -1 ? -1 : 0);
    show("shmat exec of 0400", (long) shmat(shm, NULL, SHM_RDONLY | SHM_EXEC) == -1 ? -1 : 0);
    struct shmid_ds d;
    shmctl(shm, IPC_STAT, &d);
    d.shm_perm.mode = 0;
    show("IPC_SET mode 0", shmctl(shm, IPC_SET, &d));
    show("IPC_STAT of mode 0", shmctl(shm, IPC_STAT, &d));
    struct rlimit rl = {0, 0}, old;
    getrlimit(RLIMIT_MEMLOCK, &old);
    int big = shmget(IPC_PRIVATE, old.rlim_cur + 4096, 0600);
    show("SHM_LOCK past RLIMIT_MEMLOCK", shmctl(big, SHM_LOCK, NULL));
    show("SHM_LOCK within", shmctl(shm, SHM_LOCK, NULL));
    setrlimit(RLIMIT_MEMLOCK, &rl);
    show("SHM_LOCK with RLIMIT_MEMLOCK 0", shmctl(big, SHM_LOCK, NULL));
    show("SHM_UNLOCK with RLIMIT_MEMLOCK 0", shmctl(shm, SHM_UNLOCK, NULL));
    show("IPC_RMID of mode 0 by its owner", shmctl(shm, IPC_RMID, NULL));
    shmctl(big, IPC_RMID, NULL);

    int sem = semget(IPC_PRIVATE, 2, 0400);
    struct sembuf up = {0, 1, 0}, zero = {0, 0, IPC_NOWAIT};
    show("semop +1 on 0400", semop(sem, &up, 1));
    show("semop wait-for-zero on 0400", semop(sem, &zero, 1));
    show("GETVAL on 0400", semctl(sem, 0, GETVAL));
    show("SETVAL on 0400", semctl(sem, 0, SETVAL, 1));
    show("IPC_RMID", semctl(sem, 0, IPC_RMID));

    int q = msgget(IPC_PRIVATE, 0200);
    struct { long type; char t[8]; } m = {1, "hi"};
    show("msgsnd to 0200", msgsnd(q, &m, 3, 0));
    show("msgrcv from 0200", msgrcv(q, &m, 8, 0, IPC_NOWAIT));
    struct msqid_ds md;
    show("IPC_STAT of 0200", msgctl(q, IPC_STAT, &md));
    md.msg_perm.mode = 0600;
    md.msg_qbytes = 16384;
    show("IPC_SET qbytes 16384", msgctl(q, IPC_SET, &md));
    md.msg_qbytes = 16385;
    show("IPC_SET qbytes 16385", msgctl(q, IPC_SET, &md));
    show("msgrcv now", msgrcv(q, &m, 8, 0, IPC_NOWAIT));
    show("IPC_RMID", msgctl(q, IPC_RMID, NULL));
    return 0;
}
