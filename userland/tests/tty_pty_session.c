/* tty_pty_session: a pty as a session's controlling terminal: opening the slave after setsid takes it, tcgetpgrp/TIOCSCTTY/tcsetpgrp, /dev/tty, ^C ^Z ^\ to the foreground group (echoed, input flushed), SIGWINCH on TIOCSWINSZ, SIGTTIN for a background reader, and the hang-up when the master closes (SIGHUP to the leader, read 0, write EIO, /dev/tty gone). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int report;   /* the child's results go up this pipe */

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...) {
    char b[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    if (write(report, b, n) != n) _exit(9);
}

/* Reads from fd until the text ends with want (or 5 s pass); prints what came, escaped. */
static void expect(const char *what, int fd, const char *want) {
    char buf[256];
    int got = 0;
    size_t w = strlen(want);
    while (got < (int) sizeof buf - 1) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0) break;
        ssize_t n = read(fd, buf + got, sizeof buf - 1 - got);
        if (n <= 0) break;
        got += n;
        if ((size_t) got >= w && memcmp(buf + got - w, want, w) == 0) break;
    }
    printf("%s: \"", what);
    for (int i = 0; i < got; i++) {
        unsigned char c = buf[i];
        if (c == '\n') printf("\\n");
        else if (c == '\r') printf("\\r");
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
}

static volatile sig_atomic_t got[65], late;
static void on(int sig) { got[sig] = 1; }
static void alarmed(int sig) { (void) sig; late = 1; }

/* Waits (blocked signals let through one at a time by sigsuspend) for sig, 5 s at most: sig or -1. */
static int waitsig(int sig) {
    sigset_t wait;
    sigfillset(&wait);
    sigdelset(&wait, sig);
    sigdelset(&wait, SIGALRM);
    late = 0;
    alarm(5);
    while (!got[sig] && !late) sigsuspend(&wait);
    alarm(0);
    int r = got[sig] ? sig : -1;
    got[sig] = 0;
    return r;
}

static void child(const char *name) {
    sigset_t block;
    sigemptyset(&block);
    int sigs[] = {SIGINT, SIGTSTP, SIGQUIT, SIGWINCH, SIGHUP, SIGCONT};
    for (int i = 0; i < 6; i++) {
        sigaddset(&block, sigs[i]);
        signal(sigs[i], on);
    }
    signal(SIGALRM, alarmed);
    sigprocmask(SIG_BLOCK, &block, NULL);
    errno = 0;
    int d = open("/dev/tty", O_RDWR);
    say("before setsid /dev/tty: %s\n", d < 0 ? "refused" : "opened");
    if (d >= 0) close(d);
    setsid();
    errno = 0;
    d = open("/dev/tty", O_RDWR);
    say("after setsid /dev/tty: %d %s\n", d, strerror(errno));
    int s = open(name, O_RDWR);
    if (s < 0) say("open %s: %s\n", name, strerror(errno));
    say("leader took it: pgrp is mine %d, TIOCSCTTY again %d\n", tcgetpgrp(s) == getpid(), ioctl(s, TIOCSCTTY, 0));
    d = open("/dev/tty", O_RDWR);
    struct winsize w0 = {7, 9, 0, 0}, w1 = {0};
    if (d >= 0) ioctl(d, TIOCSWINSZ, &w0);
    ioctl(s, TIOCGWINSZ, &w1);
    say("/dev/tty now: opened %d, named %s, the same terminal %d\n", d >= 0, d >= 0 ? ttyname(d) : "-", w1.ws_row == 7);
    if (d >= 0) close(d);
    say("SIGWINCH for it: %d\n", waitsig(SIGWINCH));
    errno = 0;
    say("tcsetpgrp to another session's group: %d %s\n", tcsetpgrp(s, getpgid(getppid())), strerror(errno));

    pid_t bg = fork();
    if (bg == 0) {
        setpgid(0, 0);
        for (int i = 0; i < 6; i++) signal(sigs[i], SIG_DFL);
        sigprocmask(SIG_UNBLOCK, &block, NULL);
        char c;
        read(s, &c, 1);
        _exit(3);
    }
    setpgid(bg, bg);
    int st;
    waitpid(bg, &st, WUNTRACED);
    say("background reader: stopped %d by %d\n", WIFSTOPPED(st), WIFSTOPPED(st) ? WSTOPSIG(st) : -1);
    errno = 0;
    say("tcsetpgrp to it: %d, pgrp is it %d\n", tcsetpgrp(s, bg), tcgetpgrp(s) == bg);
    errno = 0;
    int r = tcsetpgrp(s, getpid());
    say("taking it back from the background, an orphaned group: %d %s\n", r, strerror(errno));
    signal(SIGTTOU, SIG_IGN);
    errno = 0;
    r = tcsetpgrp(s, getpid());
    say("with SIGTTOU ignored: %d %s\n", r, strerror(errno));
    signal(SIGTTOU, SIG_DFL);
    kill(bg, SIGKILL);
    waitpid(bg, &st, 0);

    write(s, "ready\n", 6);
    say("^C: %d\n", waitsig(SIGINT));
    char buf[64];
    int n = 0;
    ioctl(s, FIONREAD, &n);
    say("queued after ^C: %d\n", n);
    write(s, "ready\n", 6);
    say("^Z: %d\n", waitsig(SIGTSTP));
    write(s, "ready\n", 6);
    say("^\\: %d\n", waitsig(SIGQUIT));
    write(s, "ready\n", 6);
    say("SIGWINCH: %d\n", waitsig(SIGWINCH));
    struct winsize ws;
    ioctl(s, TIOCGWINSZ, &ws);
    say("window: %dx%d\n", ws.ws_row, ws.ws_col);
    write(s, "ready\n", 6);
    say("hang-up: SIGHUP %d, SIGCONT %d\n", waitsig(SIGHUP), waitsig(SIGCONT));
    errno = 0;
    n = read(s, buf, sizeof buf);
    say("read after: %d, ", n);
    n = write(s, "x", 1);
    say("write after: %d %s\n", n, strerror(errno));
    errno = 0;
    d = open("/dev/tty", O_RDWR);
    say("/dev/tty after the hang-up: %d %s\n", d, strerror(errno));
    _exit(0);
}

int main(void) {
    int m, s;
    char name[64];
    if (openpty(&m, &s, name, NULL, NULL) < 0) { perror("openpty"); return 1; }
    int p[2];
    pipe(p);
    fflush(stdout);
    pid_t kid = fork();
    if (kid == 0) {
        close(p[0]);
        close(m);
        close(s);
        report = p[1];
        child(name);
    }
    close(p[1]);
    expect("child", m, "ready\r\n");
    close(s);   /* only now: with no slave open at all the master would read EIO */
    write(m, "typed\x03", 6);
    expect("echo", m, "ready\r\n");
    write(m, "\x1a", 1);
    expect("echo", m, "ready\r\n");
    write(m, "\x1c", 1);
    expect("echo", m, "ready\r\n");
    struct winsize ws = {40, 132, 0, 0};
    ioctl(m, TIOCSWINSZ, &ws);
    expect("child", m, "ready\r\n");
    close(m);
    int st;
    waitpid(kid, &st, 0);
    char buf[2048];
    ssize_t n, all = 0;
    while ((n = read(p[0], buf + all, sizeof buf - 1 - all)) > 0) all += n;
    buf[all] = 0;
    printf("%sexit %d\n", buf, WEXITSTATUS(st));
    return 0;
}
