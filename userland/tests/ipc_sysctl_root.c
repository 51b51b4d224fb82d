/* ipc_sysctl_root: root changes the IPC limits through /proc/sys/kernel (shmmax, shmall, shmmni, sem, msgmax, msgmnb, msgmni): sysctl's number syntax and errors (EINVAL, ERANGE, writes past offset 0 ignored) and shmget, semget, semop, msgget and msgsnd obeying the new values */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <unistd.h>

static void text(const char *name) {
    char path[64], buf[128];
    snprintf(path, sizeof path, "/proc/sys/kernel/%s", name);
    int fd = open(path, O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    buf[n < 0 ? 0 : n] = 0;
    close(fd);
    printf("  %s now [%s]\n", name, buf);
}

/* One write(2) of s to the file, then what the file says. */
static void put(const char *name, const char *s) {
    char path[64];
    snprintf(path, sizeof path, "/proc/sys/kernel/%s", name);
    int fd = open(path, O_WRONLY | O_TRUNC);
    errno = 0;
    ssize_t r = write(fd, s, strlen(s));
    char shown[64];
    int j = 0;
    for (const char *p = s; *p && j < 60; p++) {
        if (*p == '\n') { shown[j++] = '\\'; shown[j++] = 'n'; }
        else if (*p == '\t') { shown[j++] = '\\'; shown[j++] = 't'; }
        else shown[j++] = *p;
    }
    shown[j] = 0;
    printf("write %s \"%s\": %zd %s\n", name, shown, r, r < 0 ? strerrorname_np(errno) : "");
    close(fd);
    text(name);
}

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: ok\n", what);
}

int main(void) {
    /* syntax */
    put("shmmax", "8192\n");
    put("shmmax", "  0x4000  \n");
    put("shmmax", "010000");
    put("shmmax", "-1");
    put("shmmax", "12abc");
    put("shmmax", "\n");
    put("shmmax", "18446744073709551615");
    put("shmmax", "18446744073709551616");
    put("shmmax", "4096 8192");
    put("shmmax", "123456789012345678901");
    put("shmmni", "32769");
    put("shmmni", "-1");
    put("msgmax", "2147483648");
    put("sem", "250 32000 32 128");
    put("sem", "300\t400\n");
    put("sem", "1 2 3 40000");
    put("sem", "250 32000 32 -1");
    put("sem", "250 32000 32 128 99");
    put("sem", "-5 x");

    /* a write at an offset past 0 is taken and ignored */
    int fd = open("/proc/sys/kernel/msgmnb", O_WRONLY);
    printf("two writes on one fd: %zd %zd\n", write(fd, "1000", 4), write(fd, "2000", 4));
    printf("pwrite at 2: %zd\n", pwrite(fd, "3000", 4, 2));
    close(fd);
    text("msgmnb");

    /* the limits at work */
    put("shmmax", "8192");
    errno = 0;
    show("shmget 8193 bytes", shmget(IPC_PRIVATE, 8193, IPC_CREAT | 0600));
    int a = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
    show("shmget 8192 bytes", a);
    struct shminfo si;
    shmctl(0, IPC_INFO, (struct shmid_ds *) &si);
    printf("IPC_INFO shmmax %lu shmmni %lu shmall %lu\n", si.shmmax, si.shmmni, si.shmall);
    put("shmall", "3");
    show("shmget 2 more pages past shmall", shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600));
    show("shmget 1 more page", shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600));
    put("shmall", "100");
    put("shmmni", "3");
    show("shmget a third segment", shmget(IPC_PRIVATE, 100, IPC_CREAT | 0600));
    show("shmget a fourth", shmget(IPC_PRIVATE, 100, IPC_CREAT | 0600));
    put("shmmni", "4096");

    put("sem", "10 25 3 2");
    show("semget 11 semaphores", semget(IPC_PRIVATE, 11, IPC_CREAT | 0600));
    int s1 = semget(IPC_PRIVATE, 10, IPC_CREAT | 0600);
    show("semget 10", s1);
    show("semget 10 more", semget(IPC_PRIVATE, 10, IPC_CREAT | 0600));
    show("semget 10 past semmns", semget(IPC_PRIVATE, 10, IPC_CREAT | 0600));
    show("semget 5 past semmni", semget(IPC_PRIVATE, 5, IPC_CREAT | 0600));
    struct sembuf ops[4] = {{0, 1, 0}, {1, 1, 0}, {2, 1, 0}, {3, 1, 0}};
    show("semop of 3", semop(s1, ops, 3));
    show("semop of 4 past semopm", semop(s1, ops, 4));
    struct seminfo se;
    semctl(0, 0, IPC_INFO, (struct seminfo *) &se);
    printf("IPC_INFO semmsl %d semmns %d semopm %d semmni %d\n", se.semmsl, se.semmns, se.semopm, se.semmni);

    put("msgmax", "100");
    put("msgmnb", "500");
    put("msgmni", "1");
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    show("msgget", q);
    show("msgget past msgmni", msgget(IPC_PRIVATE, IPC_CREAT | 0600));
    struct msqid_ds ds;
    msgctl(q, IPC_STAT, &ds);
    printf("qbytes %lu\n", (unsigned long) ds.msg_qbytes);
    static struct { long type; char text[200]; } m = {1, {0}};
    show("msgsnd 100", msgsnd(q, &m, 100, IPC_NOWAIT));
    show("msgsnd 101", msgsnd(q, &m, 101, IPC_NOWAIT));
    ds.msg_qbytes = 400;
    show("IPC_SET qbytes 400", msgctl(q, IPC_SET, &ds));
    struct msginfo mi;
    msgctl(0, IPC_INFO, (struct msqid_ds *) &mi);
    printf("IPC_INFO msgmax %d msgmnb %d msgmni %d\n", mi.msgmax, mi.msgmnb, mi.msgmni);
    return 0;
}
