/* A background process group's access to the controlling terminal (__tty_check_change): a
 * read stops the group with SIGTTIN, or fails with EIO when SIGTTIN is ignored or blocked; a
 * tcsetattr stops it with SIGTTOU; a write does only under TOSTOP. Run on a terminal. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void child(int how) {
    setpgid(0, 0);
    signal(SIGTTIN, SIG_DFL);
    signal(SIGTTOU, SIG_DFL);   /* a tmux pane starts with them ignored */
    if (how == 1) signal(SIGTTIN, SIG_IGN);
    if (how == 2) { sigset_t s; sigemptyset(&s); sigaddset(&s, SIGTTIN); sigprocmask(SIG_BLOCK, &s, 0); }
    if (how == 4) signal(SIGTTOU, SIG_IGN);   /* an ignored SIGTTOU lets the write through */
    if (how >= 3) {
        ssize_t w = write(1, "written\n", 8);
        printf("how %d: write %zd\n", how, w);
        fflush(stdout);
        _exit(0);
    }
    char c;
    ssize_t r = read(0, &c, 1);
    printf("how %d: read %zd %s\n", how, r, r < 0 ? strerror(errno) : "");
    struct termios t;
    tcgetattr(0, &t);
    r = tcsetattr(0, TCSANOW, &t);
    printf("how %d: tcsetattr %zd %s\n", how, r, r < 0 ? strerror(errno) : "");
    fflush(stdout);
    _exit(0);
}

int main(void) {
    struct termios saved, t;
    tcgetattr(0, &saved);
    for (int how = 0; how < 5; how++) {
        t = saved;
        if (how >= 3) t.c_lflag |= TOSTOP;
        tcsetattr(0, TCSANOW, &t);
        pid_t p = fork();
        if (p == 0) child(how);
        int st;
        waitpid(p, &st, WUNTRACED);
        if (WIFSTOPPED(st)) { printf("how %d: stopped by %s\n", how, strsignal(WSTOPSIG(st))); kill(p, SIGKILL); waitpid(p, &st, 0); }
        else printf("how %d: exited %d\n", how, WEXITSTATUS(st));
        tcsetattr(0, TCSANOW, &saved);
        fflush(stdout);
    }
    return 0;
}
