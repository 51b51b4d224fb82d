/* reap_many: forks and reaps N children one after another (child i exits with i % 256), then
   pipes one byte back and forth with the last: reaped processes must leave the kernel while
   --stats still lists each of them. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 100;
    long sum = 0;
    for (int i = 0; i < n; i++) {
        pid_t pid = fork();
        if (pid == 0) _exit(i % 256);
        int st;
        if (waitpid(pid, &st, 0) != pid) return 1;
        sum += WEXITSTATUS(st);
    }
    int ab[2], ba[2];
    char c = 'x';
    if (pipe(ab) || pipe(ba)) return 1;
    if (fork() == 0) {
        for (int i = 0; i < 100; i++) if (read(ab[0], &c, 1) != 1 || write(ba[1], &c, 1) != 1) _exit(1);
        _exit(0);
    }
    for (int i = 0; i < 100; i++) if (write(ab[1], &c, 1) != 1 || read(ba[0], &c, 1) != 1) return 1;
    wait(NULL);
    printf("%d children, exit statuses sum to %ld\n", n, sum);
    return 0;
}
