/* init_rules: the program is init's child (pid 2, ppid 1); an unprivileged process may not signal
   init (EPERM, as uid 1000 gets on Linux); an orphan is adopted by init, which reaps it as it dies
   (no zombie is left to signal). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

static void tried(const char *what, long r) {
    printf("%s = %ld%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("pid %d ppid %d\n", getpid(), getppid());
    printf("init: pgid %d sid %d\n", getpgid(1), getsid(1));
    tried("kill(1, 0)", kill(1, 0));
    tried("kill(1, SIGKILL)", kill(1, SIGKILL));
    tried("tkill(1, SIGTERM)", syscall(SYS_tkill, 1, SIGTERM));
    tried("tgkill(1, 1, 0)", syscall(SYS_tgkill, 1, 1, 0));
    tried("sigqueue(1, SIGUSR1)", sigqueue(1, SIGUSR1, (union sigval) {0}));
    int fds[2];
    pipe(fds);
    pid_t child = fork();
    if (child == 0) {
        pid_t g = fork();
        if (g == 0) {
            char c;
            close(fds[1]);
            read(fds[0], &c, 1);   /* until the first parent has gone */
            printf("orphan's ppid %d\n", getppid());
            kill(1, SIGKILL);
            kill(1, SIGSEGV);
            printf("orphan's ppid after signalling init %d\n", getppid());
            _exit(0);
        }
        printf("child forked %d\n", g);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    close(fds[1]);   /* the orphan reads end of file */
    close(fds[0]);
    usleep(100000);
    int dead = kill(child + 1, 0) == -1 && errno == ESRCH;
    printf("the orphan was reaped by init: %s\n", dead ? "yes" : "no");
    printf("wait: %d (%s)\n", (int) wait(NULL), strerror(errno));
    return 0;
}
