/* sig_jobctl: Job control: a stopped child keeps other signals pending until SIGCONT; SIGKILL
 * ends a stopped child; SIGTSTP can be caught while SIGSTOP cannot; SIGCONT wakes even when
 * blocked.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void show(const char *what, int st) {
    if (WIFEXITED(st)) printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st)) printf("%s: killed by %d\n", what, WTERMSIG(st));
    else if (WIFSTOPPED(st)) printf("%s: stopped by %d\n", what, WSTOPSIG(st));
    else if (WIFCONTINUED(st)) printf("%s: continued\n", what);
}

static volatile int tstp;
static void on_tstp(int s) { (void)s; tstp++; }

int main(void) {
    int st;
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { for (;;) pause(); }
    kill(p, SIGSTOP);
    waitpid(p, &st, WUNTRACED);
    show("SIGSTOP", st);
    kill(p, SIGKILL);
    waitpid(p, &st, 0);
    show("SIGKILL while stopped", st);

    p = fork();
    if (p == 0) { for (;;) pause(); }
    kill(p, SIGSTOP);
    waitpid(p, &st, WUNTRACED);
    kill(p, SIGTERM);                    /* pending: a stopped process runs no action */
    printf("WNOHANG while stopped with SIGTERM pending: %d\n", waitpid(p, &st, WNOHANG));
    kill(p, SIGCONT);
    waitpid(p, &st, 0);
    show("after SIGCONT", st);

    p = fork();
    if (p == 0) {
        signal(SIGTSTP, on_tstp);
        sigset_t all;
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, 0);
        raise(SIGTSTP);                  /* blocked: stays pending */
        raise(SIGSTOP);                  /* cannot be blocked */
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, 0);
        _exit(tstp);
    }
    waitpid(p, &st, WUNTRACED);
    show("blocked SIGSTOP", st);
    kill(p, SIGCONT);
    waitpid(p, &st, 0);
    show("caught SIGTSTP count", st);
    return 0;
}
