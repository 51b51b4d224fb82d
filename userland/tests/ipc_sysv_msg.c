/* ipc_sysv_msg: System V message queues (msgget/msgsnd/msgrcv/msgctl): typed messages and the receive modes, a full queue, sleeping receivers and senders, EIDRM, MSG_COPY, IPC_STAT's counts and the errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

struct m { long type; char text[8200]; };

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static int snd(int id, long type, const char *s, int flg) {
    struct m b;
    b.type = type;
    strcpy(b.text, s);
    return msgsnd(id, &b, strlen(s) + 1, flg);
}

static void rcv(int id, long type, int flg, const char *what) {
    struct m b;
    memset(&b, 0, sizeof b);
    long n = msgrcv(id, &b, sizeof b.text, type, flg);
    if (n < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld type %ld \"%s\"\n", what, n, b.type, b.text);
}

static void stat_of(const char *what, int id) {
    struct msqid_ds d;
    if (msgctl(id, IPC_STAT, &d) < 0) { printf("%s: -1 %s\n", what, strerrorname_np(errno)); return; }
    /* qemu-user translates struct msqid_ds loosely: msg_lrpid is lost and the mode can carry stray high bits (a native build agrees with Vitrine), so neither is shown whole. */
    printf("%s: qnum %lu cbytes %lu qbytes %lu lspid self %d stime %d rtime %d mode %o\n", what,
           (unsigned long) d.msg_qnum, (unsigned long) d.__msg_cbytes, (unsigned long) d.msg_qbytes,
           d.msg_lspid == getpid(), d.msg_stime != 0, d.msg_rtime != 0, d.msg_perm.mode & 07777);
}

/* Polls /proc/PID/stat until the child sleeps (state S), so it is known to wait in the kernel. */
static void wait_sleeping(pid_t pid) {
    char path[64], buf[256];
    snprintf(path, sizeof path, "/proc/%d/stat", (int) pid);
    for (int i = 0; i < 2000; i++) {
        FILE *f = fopen(path, "r");
        if (f) {
            char *p = fgets(buf, sizeof buf, f) ? strrchr(buf, ')') : NULL;
            fclose(f);
            if (p && p[2] == 'S') return;
        }
        usleep(1000);
    }
    printf("child %s never slept\n", path[0] ? "" : "?");
}

static pid_t xfork(void) {
    fflush(stdout);
    return fork();
}

int main(void) {
    key_t key = 0x56510000 + (getpid() & 0xffff);
    show("missing key", msgget(key, 0600));
    int id = msgget(key, IPC_CREAT | IPC_EXCL | 0600);
    show("create", id >= 0);
    show("again, EXCL", msgget(key, IPC_CREAT | IPC_EXCL | 0600));
    show("finds it", msgget(key, 0) == id);
    stat_of("fresh", id);

    show("type 0", snd(id, 0, "zero", 0));
    show("type -1", snd(id, -1, "neg", 0));
    struct m big = {1, {0}};
    show("8193 bytes", msgsnd(id, &big, 8193, 0));
    show("bad pointer", msgsnd(id, (void *) 8, 4, 0));
    show("bad id", msgsnd(id + 1, &big, 4, 0));
    show("negative id", msgsnd(-1, &big, 4, 0));
    show("send 3 a", snd(id, 3, "three-a", 0));
    show("send 1", snd(id, 1, "one", 0));
    show("send 5", snd(id, 5, "five", 0));
    show("send 3 b", snd(id, 3, "three-b", 0));
    show("send 2", snd(id, 2, "two", 0));
    show("empty message", msgsnd(id, &big, 0, 0));
    stat_of("six queued", id);
    struct m small;
    show("too small a buffer", msgrcv(id, &small, 2, 3, 0));
    show("MSG_NOERROR cuts", msgrcv(id, &small, 2, 3, MSG_NOERROR));
    printf("cut text: %.2s\n", small.text);
    rcv(id, 3, 0, "type 3");
    rcv(id, -4, 0, "lowest up to 4");
    rcv(id, 1, MSG_EXCEPT, "not 1");
    rcv(id, 1, MSG_COPY | IPC_NOWAIT, "MSG_COPY second");
    show("MSG_COPY without NOWAIT", msgrcv(id, &small, 100, 0, MSG_COPY));
    rcv(id, 9, MSG_COPY | IPC_NOWAIT, "MSG_COPY past the end");
    rcv(id, 0, 0, "any");
    rcv(id, 0, 0, "the empty one");
    rcv(id, 0, IPC_NOWAIT, "empty queue, NOWAIT");
    rcv(id, 7, IPC_NOWAIT, "no type 7");
    show("receive bad size", msgrcv(id, &small, -1, 0, 0));
    show("receive bad id", msgrcv(-1, &small, 10, 0, 0));
    stat_of("drained", id);

    /* A full queue: 16384 bytes. */
    int sent = 0;
    memset(big.text, 'x', 4000);
    while (msgsnd(id, &big, 4000, IPC_NOWAIT) == 0) sent++;
    printf("4000-byte messages that fit: %d (%s)\n", sent, strerrorname_np(errno));
    stat_of("full", id);
    pid_t pid = xfork();
    if (pid == 0) _exit(msgsnd(id, &big, 4000, 0) == 0 ? 0 : 1);
    wait_sleeping(pid);
    struct m b;
    msgrcv(id, &b, sizeof b.text, 0, 0);
    int st;
    waitpid(pid, &st, 0);
    printf("blocked sender finished: %d\n", WEXITSTATUS(st));
    stat_of("full again", id);
    while (msgrcv(id, &b, sizeof b.text, 0, IPC_NOWAIT) >= 0) { }

    /* A receiver sleeps until its type comes. */
    pid = xfork();
    if (pid == 0) {
        struct m c;
        long n = msgrcv(id, &c, sizeof c.text, 42, 0);
        printf("child got %ld \"%s\"\n", n, c.text);
        fflush(stdout);
        _exit(0);
    }
    wait_sleeping(pid);
    snd(id, 41, "not for the child", 0);
    snd(id, 42, "for the child", 0);
    waitpid(pid, &st, 0);
    rcv(id, 0, IPC_NOWAIT, "left over");

    struct msqid_ds d;
    msgctl(id, IPC_STAT, &d);
    d.msg_qbytes = 100;
    d.msg_perm.mode = 0640;
    show("IPC_SET qbytes 100", msgctl(id, IPC_SET, &d));
    stat_of("after IPC_SET", id);
    show("101 bytes now", msgsnd(id, &big, 101, IPC_NOWAIT));
    show("IPC_STAT bad buffer", msgctl(id, IPC_STAT, (void *) 8));
    show("bad cmd", msgctl(id, 99, &d));

    pid = xfork();
    if (pid == 0) {
        struct m c;
        _exit(msgrcv(id, &c, sizeof c.text, 0, 0) < 0 && errno == EIDRM ? 6 : 7);
    }
    wait_sleeping(pid);
    show("IPC_RMID", msgctl(id, IPC_RMID, NULL));
    waitpid(pid, &st, 0);
    printf("EIDRM: %d\n", WEXITSTATUS(st) == 6);
    show("send to removed", snd(id, 1, "x", 0));
    show("IPC_RMID again", msgctl(id, IPC_RMID, NULL));

    struct msginfo mi;
    show("IPC_INFO", msgctl(0, IPC_INFO, (struct msqid_ds *) &mi) >= 0);
    printf("msgmax %d msgmnb %d msgmni %d\n", mi.msgmax, mi.msgmnb, mi.msgmni);
    return 0;
}
