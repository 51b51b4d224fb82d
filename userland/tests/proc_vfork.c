/* proc_vfork: vfork: the parent waits until the child execs or exits. (Linux also shares the
 * memory meanwhile; qemu-user's vfork is a fork, so that is not printed.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    if (argc > 1) { printf("exec'd child says %s\n", argv[1]); return 5; }
    volatile int shared = 1;
    fflush(stdout);
    pid_t p = vfork();
    if (p == 0) {
        shared = 2;                /* the parent sees this: same memory until exec */
        char *av[] = {"proc_vfork", "hello", 0};
        execv("/proc/self/exe", av);
        _exit(127);
    }
    printf("parent resumes after the exec (shared %s)\n", shared == 1 || shared == 2 ? "ok" : "bad");
    int st;
    waitpid(p, &st, 0);
    printf("child status %d\n", WEXITSTATUS(st));
    p = vfork();
    if (p == 0) _exit(9);
    waitpid(p, &st, 0);
    printf("vfork+_exit status %d\n", WEXITSTATUS(st));
    return 0;
}
