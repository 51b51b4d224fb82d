/* ipc_sysctl: /proc/sys/kernel's IPC limits (shmmax, shmall, shmmni, sem, msgmax, msgmnb, msgmni) as a user reads them: their text, mode and owner, the same figures IPC_INFO reports, and a user's write refused */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *names[] = {"shmmax", "shmall", "shmmni", "sem", "msgmax", "msgmnb", "msgmni"};

static void show_file(const char *name) {
    char path[64], buf[128];
    snprintf(path, sizeof path, "/proc/sys/kernel/%s", name);
    struct stat st;
    if (stat(path, &st) < 0) { printf("%s: stat -1 %s\n", name, strerrorname_np(errno)); return; }
    printf("%s: mode %o uid %d gid %d size %lld\n", name, st.st_mode, st.st_uid, st.st_gid, (long long) st.st_size);
    int fd = open(path, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = 0;
    printf("  text [%s]", buf);
    printf("  second read %zd\n", read(fd, buf, sizeof buf));
    close(fd);
    errno = 0;
    int w = open(path, O_WRONLY);
    printf("  open for writing: %d %s\n", w < 0 ? -1 : 0, w < 0 ? strerrorname_np(errno) : "");
    if (w >= 0) close(w);
    printf("  access W_OK: %d\n", access(path, W_OK));
}

int main(void) {
    for (unsigned i = 0; i < sizeof names / sizeof *names; i++) show_file(names[i]);

    struct shminfo si;
    int r = shmctl(0, IPC_INFO, (struct shmid_ds *) &si);
    printf("shm IPC_INFO >= 0: %d; shmmax %lu shmmin %lu shmmni %lu shmseg %lu shmall %lu\n", r >= 0,
           si.shmmax, si.shmmin, si.shmmni, si.shmseg, si.shmall);
    struct seminfo se;
    r = semctl(0, 0, IPC_INFO, (struct seminfo *) &se);
    printf("sem IPC_INFO >= 0: %d; semmap %d semmni %d semmns %d semmnu %d semmsl %d semopm %d semume %d semusz %d semvmx %d semaem %d\n",
           r >= 0, se.semmap, se.semmni, se.semmns, se.semmnu, se.semmsl, se.semopm, se.semume, se.semusz, se.semvmx, se.semaem);
    struct msginfo mi;
    r = msgctl(0, IPC_INFO, (struct msqid_ds *) &mi);
    printf("msg IPC_INFO >= 0: %d; msgpool %d msgmap %d msgmax %d msgmnb %d msgmni %d msgssz %d msgtql %d msgseg %d\n",
           r >= 0, mi.msgpool, mi.msgmap, mi.msgmax, mi.msgmnb, mi.msgmni, mi.msgssz, mi.msgtql, mi.msgseg);

    /* a segment past shmmax, a message past msgmax, a set past semmsl */
    printf("shmget of 0 bytes: %d %s\n", shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), strerrorname_np(errno));
    printf("semget past semmsl: %d %s\n", semget(IPC_PRIVATE, 32001, IPC_CREAT | 0600), strerrorname_np(errno));
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct msqid_ds ds;
    msgctl(q, IPC_STAT, &ds);
    printf("a new queue's qbytes: %lu\n", (unsigned long) ds.msg_qbytes);
    static struct { long type; char text[8193]; } big = {1, {0}};
    errno = 0;
    printf("msgsnd of msgmax bytes: %d\n", msgsnd(q, &big, 8192, IPC_NOWAIT));
    printf("msgsnd past msgmax: %d %s\n", msgsnd(q, &big, 8193, IPC_NOWAIT), strerrorname_np(errno));
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
