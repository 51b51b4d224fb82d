/* proc_wait_status: Wait statuses as Linux encodes them: exit codes, deaths by signal (no core with (continued) */
/*
 * RLIMIT_CORE 0), stops and continues (WUNTRACED, WCONTINUED), WNOHANG, waitid, ECHILD. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

static void show(const char *what, int st) {
    printf("%-22s raw=0x%04x", what, st);
    if (WIFEXITED(st)) printf(" exited %d", WEXITSTATUS(st));
    if (WIFSIGNALED(st)) printf(" signaled %d core %d", WTERMSIG(st), WCOREDUMP(st) ? 1 : 0);
    if (WIFSTOPPED(st)) printf(" stopped %d", WSTOPSIG(st));
    if (WIFCONTINUED(st)) printf(" continued");
    printf("\n");
}

static int run(void (*body)(void)) {
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { body(); _exit(0); }
    int st = 0;
    if (waitpid(p, &st, 0) != p) printf("waitpid failed: %s\n", strerror(errno));
    return st;
}

static void exit7(void) { exit(263); }
static void exitm1(void) { _exit(-1); }
static void segv(void) { *(volatile int *)0 = 1; }
static void abrt(void) { abort(); }
static void term(void) { kill(getpid(), SIGTERM); pause(); }
static void killed(void) { raise(SIGKILL); }
static void usr1(void) { raise(SIGUSR1); }
static void ret0(void) { }

int main(void) {
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    show("exit(263)", run(exit7));
    show("_exit(-1)", run(exitm1));
    show("return", run(ret0));
    show("null store", run(segv));
    show("abort()", run(abrt));
    show("SIGTERM", run(term));
    show("SIGKILL", run(killed));
    show("SIGUSR1", run(usr1));

    /* Stop and continue: the child stops itself; the parent sees it, continues it, sees that. */
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) { raise(SIGSTOP); _exit(5); }
    int st;
    waitpid(p, &st, WUNTRACED);
    show("WUNTRACED", st);
    kill(p, SIGCONT);
    waitpid(p, &st, WCONTINUED);
    show("WCONTINUED", st);
    waitpid(p, &st, 0);
    show("after continue", st);

    /* WNOHANG while the child still runs (it waits for a signal), then waitid. */
    fflush(stdout);
    p = fork();
    if (p == 0) { pause(); _exit(1); }
    printf("WNOHANG on a live child: %d\n", waitpid(p, &st, WNOHANG));
    kill(p, SIGINT);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    int r = waitid(P_PID, p, &si, WEXITED);
    printf("waitid: %d signo %d code %d status %d pid-matches %d\n", r, si.si_signo, si.si_code, si.si_status, si.si_pid == p);

    errno = 0;
    printf("wait with no children: %d %s\n", wait(&st), strerror(errno));
    return 0;
}
