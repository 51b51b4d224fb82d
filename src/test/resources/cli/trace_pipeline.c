/* trace_pipeline: what the event stream must show. A child writes 100 KiB into a pipe
 * (it blocks when the pipe is full) and signals its parent with SIGUSR1; the parent reads
 * everything, waits for the child, then touches 64 fresh pages of its heap and prints the
 * monotonic clock's reading across that loop (the cost model's faults show in it). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void on_usr1(int sig) { (void) sig; got = 1; }

int main(void) {
    int fd[2];
    static char buf[100 * 1024];
    signal(SIGUSR1, on_usr1);
    if (pipe(fd) != 0) return 1;
    pid_t child = fork();
    if (child == 0) {
        close(fd[0]);
        memset(buf, 'x', sizeof buf);
        size_t done = 0;
        while (done < sizeof buf) {
            ssize_t n = write(fd[1], buf + done, sizeof buf - done);
            if (n <= 0) _exit(2);
            done += (size_t) n;
        }
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    close(fd[1]);
    size_t total = 0;
    ssize_t n;
    char chunk[4096];
    while ((n = read(fd[0], chunk, sizeof chunk)) != 0) {
        if (n < 0) continue; /* EINTR from SIGUSR1 */
        total += (size_t) n;
    }
    int status;
    waitpid(child, &status, 0);
    struct timespec a, b;
    char *heap = malloc(64 * 4096 + 4096);
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (int i = 0; i < 64; i++) heap[i * 4096] = (char) i;
    clock_gettime(CLOCK_MONOTONIC, &b);
    long long elapsed = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
    printf("read %zu bytes, child status %d, signal %d, 64 pages in %lld ns\n", total, WEXITSTATUS(status), (int) got, elapsed);
    return 0;
}
