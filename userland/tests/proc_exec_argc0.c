/* proc_exec_argc0: execve with an empty argv gives the new program argc 1 and argv[0] "" (Linux 5.18 and later), its environment unchanged */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv, char **envp) {
    if (argc == 1 && argv[0][0] == 0) {
        printf("child: argc %d, argv[0] \"%s\", argv[1] %s, env %s\n", argc, argv[0], argv[1] ? "set" : "NULL",
               envp[0] ? envp[0] : "(none)");
        return 0;
    }
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        char *none[] = {NULL};
        char *env[] = {"ARGC0=yes", NULL};
        execve("/proc/self/exe", none, env);
        perror("execve");
        _exit(127);
    }
    int st;
    waitpid(c, &st, 0);
    printf("parent: child exited %d\n", WEXITSTATUS(st));
    return 0;
}
