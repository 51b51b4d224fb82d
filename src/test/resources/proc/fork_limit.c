/* Forks children that wait for a signal until fork fails, then kills and reaps them all. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static pid_t kids[100000];

int main(void) {
    int n = 0;
    for (;;) {
        pid_t p = fork();
        if (p == 0) { pause(); _exit(0); }
        if (p < 0) { printf("fork failed after %d children: %s\n", n, strerror(errno)); break; }
        kids[n++] = p;
    }
    for (int i = 0; i < n; i++) kill(kids[i], SIGKILL);
    int reaped = 0, st;
    while (wait(&st) > 0) if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL) reaped++;
    printf("reaped %d\n", reaped);
    return 0;
}
