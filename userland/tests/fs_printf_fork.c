/* fs_printf_fork: printf before fork: into a pipe or file stdout is fully buffered, so the unflushed line is (continued) */
/*
 * copied into the child and printed twice; on a terminal it is line-buffered and printed once. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("before fork (pid-independent)\n");
    pid_t pid = fork();
    if (pid == 0) return 0;
    waitpid(pid, NULL, 0);
    printf("after fork, parent only\n");
    return 0;
}
