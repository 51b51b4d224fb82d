/* bench/pingpong: N round trips of one byte between two processes over two pipes, after
   first forking and reaping C children (each exits at once). What a round trip costs must
   not depend on C: a wakeup should touch only the sleepers of its pipe, and reaped
   processes should leave the kernel's tables. Usage: pingpong N [C] */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long n = argc > 1 ? atol(argv[1]) : 20000, kids = argc > 2 ? atol(argv[2]) : 0;
    for (long i = 0; i < kids; i++) {
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 1; }
        if (pid == 0) _exit(0);
        if (waitpid(pid, NULL, 0) != pid) { perror("waitpid"); return 1; }
    }
    int ab[2], ba[2];
    if (pipe(ab) || pipe(ba)) { perror("pipe"); return 1; }
    char c = 'x';
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 1; }
    if (pid == 0) {
        for (long i = 0; i < n; i++)
            if (read(ab[0], &c, 1) != 1 || write(ba[1], &c, 1) != 1) _exit(1);
        _exit(0);
    }
    for (long i = 0; i < n; i++)
        if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1) { perror("ping"); return 1; }
    int st;
    if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0) { fprintf(stderr, "pong failed\n"); return 1; }
    printf("%ld round trips after %ld children\n", n, kids);
    return 0;
}
