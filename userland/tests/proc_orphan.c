/* proc_orphan: An orphan is adopted: a child forks a grandchild and exits at once; the grandchild (continued) */
/*
 * sees its parent change (to init, or a subreaper) and reports through shared memory. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

int main(void) {
    volatile int *shared = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) {
        pid_t me = getpid();
        pid_t g = fork();
        if (g == 0) {
            int first = getppid() == me;
            shared[1] = 1;
            while (getppid() == me) usleep(1000);
            printf("grandchild: saw its first parent: %s\n", first ? "yes" : "no");
            printf("grandchild: parent changed from my first parent: %s\n", getppid() != me ? "yes" : "no");
            fflush(stdout);
            shared[0] = 1;
            _exit(0);
        }
        while (!shared[1]) usleep(1000);   /* exit only once the grandchild has seen us */
        _exit(3);
    }
    int st;
    waitpid(child, &st, 0);
    while (!shared[0]) usleep(1000);
    printf("child exited with %d\n", WEXITSTATUS(st));
    printf("done\n");
    return 0;
}
