/* oops_child: a child's syscall (or, with an argument, a page fault on what the call returned) meets a Vitrine bug made on purpose; the parent sees it die and the machine goes on. */
#include <stdio.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    (void) argv;
    setvbuf(stdout, NULL, _IONBF, 0);
    pid_t c = fork();
    if (c == 0) {
        char buf[128];
        long r = syscall(SYS_sysinfo, buf);
        if (argc > 1) printf("read %d\n", *(volatile char *) r);
        printf("child survived\n");
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    printf("child signaled=%d sig=%d\n", WIFSIGNALED(st), WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    pid_t d = fork();
    if (d == 0) _exit(7);
    waitpid(d, &st, 0);
    printf("second child exit=%d\n", WEXITSTATUS(st));
    long r = syscall(SYS_getppid);
    printf("getppid=%lx\n", (unsigned long) r);
    return 0;
}
