/* A reader of stdin beside a busy child: with stdin from a pipe whose writer has finished,
 * the reads, the child's progress and the order of lines must not depend on host timing. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    pid_t child = fork();
    if (child == 0)
        for (long i = 0;; i++)
            if (i % 1000 == 0) printf("c%ld ", i / 1000);
    char buf[100];
    long n;
    while ((n = read(0, buf, sizeof buf)) > 0) printf("[%ld]", n);
    printf("EOF\n");
    kill(child, SIGKILL);
    wait(NULL);
    return 0;
}
