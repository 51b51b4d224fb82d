/* Runs /mnt/dyn_hello twice at once (fork + execv) and waits for both. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 2; i++)
        if (fork() == 0) {
            char *argv[] = {"dyn_hello", i ? "20" : "10", NULL};
            execv("/mnt/dyn_hello", argv);
            perror("execv");
            _exit(1);
        }
    int status, ok = 0;
    while (wait(&status) > 0) ok += WIFEXITED(status) && WEXITSTATUS(status) == 0;
    printf("%d finished\n", ok);
    return 0;
}
