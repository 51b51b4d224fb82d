/* pipe_eof: The chapter's "child never leaves the loop": the child reads the pipe until EOF, but EOF comes (continued) */
/*
 * only when every write end is closed. Default: the child closes its own copy of the write end
 * first, so the loop ends. With "bug" it does not, and read waits forever (on Vitrine, a
 * deadlock report naming the read). */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int bug = argc > 1 && strcmp(argv[1], "bug") == 0;
    int fd[2];
    pipe(fd);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (!bug) close(fd[1]);
        char c;
        int n = 0;
        while (read(fd[0], &c, 1) > 0) { putchar(c); n++; }
        printf("\nchild left the loop after %d bytes\n", n);
        exit(0);
    }
    close(fd[0]);
    write(fd[1], "Hi Child!", 9);
    close(fd[1]);
    int st;
    waitpid(pid, &st, 0);
    printf("child exited with %d\n", WEXITSTATUS(st));
    return 0;
}
