/* ipc_flood: System V message queues filled past the machine's memory (IpcMemoryTest: the machine runs out of memory, not the JVM), then semaphore sets, each round twice */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>

static int ids[40000];

static void messages(int round) {
    static struct { long type; char text[8192]; } m = {1, {0}};
    long queues = 0, bytes = 0;
    int err = 0;
    for (;;) {
        int q = msgget(IPC_PRIVATE, 0600);
        if (q < 0) { err = errno; break; }
        ids[queues++] = q;
        while (msgsnd(q, &m, sizeof m.text, IPC_NOWAIT) == 0) bytes += sizeof m.text;
        if (errno != EAGAIN) { err = errno; break; }
    }
    fflush(stdout);
    printf("messages round %d: %s after %ld queues, %ld KiB queued\n", round, strerrorname_np(err), queues, bytes >> 10);
    for (long i = 0; i < queues; i++) msgctl(ids[i], IPC_RMID, NULL);
}

static void semaphores(int round) {
    long sets = 0;
    int err = 0;
    for (;;) {
        int s = semget(IPC_PRIVATE, 32000, 0600);
        if (s < 0) { err = errno; break; }
        ids[sets++] = s;
    }
    printf("semaphores round %d: %s after %ld sets of 32000\n", round, strerrorname_np(err), sets);
    for (long i = 0; i < sets; i++) semctl(ids[i], 0, IPC_RMID);
}

int main(void) {
    memset(ids, 0, sizeof ids);   /* its pages and stdout's buffer are had before memory runs short */
    printf("flooding\n");
    fflush(stdout);
    messages(1);
    messages(2);
    semaphores(1);
    semaphores(2);
    return 0;
}
