/* pipe_writers: question 13 ("Is a pipe thread-safe?"): two writers on one pipe, first with
 * writes of 512 bytes (under PIPE_BUF), then with one write of 200000 bytes each (over it).
 *
 * What it shows: the kernel serializes writes to a pipe; POSIX promises that a write of at
 * most PIPE_BUF bytes (4096 on Linux) is atomic: its bytes arrive together, never mixed
 * with another writer's. A larger write may be split: when the pipe (64 KiB) is full the
 * writer sleeps, and the other writer's bytes can go in between.
 * What to look at: no 512-byte record was split; the big writes' bytes alternate.
 * Outcome: "0 of 400 records split", then "interleaved: yes" on Vitrine and usually on Linux:
 * the writers waiting on a full pipe get in one at a time, in the order they began to wait,
 * so the one that just wrote waits behind the other. (On Linux a first writer done before the
 * second starts comes out whole: "no". POSIX allows both.)
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void writer(int fd, char c, size_t size, int count) {
    char *buf = malloc(size);
    memset(buf, c, size);
    for (int i = 0; i < count; i++) write(fd, buf, size);
    _exit(0);
}

/* Reads everything; returns how often the bytes change from one writer's to the other's,
 * and in *split how many record-sized stretches (from the start of the stream) mix both. */
static long runs(int fd, size_t record, long *split) {
    static char buf[1 << 16];
    long changes = 0, at = 0;
    char last = 0, first = 0;
    int mixed = 0;
    ssize_t n;
    *split = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++, at++) {
            if (last && buf[i] != last) changes++;
            if (at % record == 0) { first = buf[i]; mixed = 0; }
            else if (buf[i] != first && !mixed) { mixed = 1; (*split)++; }
            last = buf[i];
        }
    }
    return changes;
}

static void round_of(size_t size, int count) {
    int fd[2];
    pipe(fd);
    if (fork() == 0) { close(fd[0]); writer(fd[1], 'a', size, count); }
    if (fork() == 0) { close(fd[0]); writer(fd[1], 'b', size, count); }
    close(fd[1]);
    long split;
    long changes = runs(fd[0], size, &split);
    while (wait(NULL) > 0) {}
    if (size <= PIPE_BUF) printf("writes of %zu bytes (PIPE_BUF is %d): %ld of %d records split\n", size, PIPE_BUF, split, 2 * count);
    else printf("one write of %zu bytes each (over PIPE_BUF): interleaved: %s\n", size, changes > 1 ? "yes" : "no");
    close(fd[0]);
}

int main(void) {
    round_of(512, 200);
    round_of(200000, 1);
    return 0;
}
