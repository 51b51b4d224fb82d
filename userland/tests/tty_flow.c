/* tty_flow: output flow control on a pseudo-terminal: IXON's ^S stops the slave's output (writes EAGAIN or wait, no POLLOUT, echoes held) and ^Q starts it, neither is data; tcflow TCOOFF holds against ^Q until TCOON; IXANY restarts on any key; a signal character restarts; TCIOFF/TCION send the characters; without IXON ^S is data; ^V is data in non-canonical mode. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int m, s;

/* What the master can read now, escaped. */
static void show(const char *what) {
    unsigned char buf[256];
    int got = 0;
    for (;;) {
        struct pollfd p = {m, POLLIN, 0};
        if (poll(&p, 1, 100) <= 0) break;
        ssize_t n = read(m, buf + got, sizeof buf - got);
        if (n <= 0) break;
        got += n;
    }
    printf("%-40s master reads \"", what);
    for (int i = 0; i < got; i++) {
        unsigned c = buf[i];
        if (c == '\r') printf("\\r");
        else if (c == '\n') printf("\\n");
        else if (c < 0x20 || c >= 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
}

static void key(const char *k) {
    if (write(m, k, strlen(k)) != (ssize_t) strlen(k)) perror("key");
}

static void slave_write(const char *what, const char *text) {
    ssize_t n = write(s, text, strlen(text));
    if (n < 0) printf("%-40s slave write: -1 %s\n", what, strerrorname_np(errno));
    else printf("%-40s slave write: %zd\n", what, n);
}

static void pollout(const char *what) {
    struct pollfd p = {s, POLLOUT, 0};
    int r = poll(&p, 1, 0);
    printf("%-40s slave POLLOUT: %d\n", what, r > 0 && (p.revents & POLLOUT) != 0);
}

/* The slave's pending input, read in non-canonical mode so that nothing waits for a line. */
static void input(const char *what) {
    struct termios t, raw;
    tcgetattr(s, &t);
    raw = t;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 0;
    tcsetattr(s, TCSANOW, &raw);
    unsigned char buf[64];
    ssize_t n = read(s, buf, sizeof buf);
    printf("%-40s slave input:", what);
    for (ssize_t i = 0; i < n; i++) printf(" %02x", buf[i]);
    printf("\n");
    tcsetattr(s, TCSANOW, &t);
}

/* Master input reaches the slave's line discipline asynchronously on Linux: wait until output is (not) stopped. */
static void await_output(int flowing) {
    for (int i = 0; i < 200; i++) {
        struct pollfd p = {s, POLLOUT, 0};
        int on = poll(&p, 1, 0) > 0 && (p.revents & POLLOUT) != 0;
        if (on == flowing) return;
        usleep(10000);
    }
    printf("output never %s\n", flowing ? "started" : "stopped");
}

/* Waits for a whole line on the slave (canonical mode) and prints it. */
static void await_line(const char *what) {
    struct pollfd p = {s, POLLIN, 0};
    poll(&p, 1, 2000);
    char buf[64];
    ssize_t n = read(s, buf, sizeof buf);
    printf("%-40s slave reads %zd\n", what, n);
}

static void iflags(tcflag_t set, tcflag_t clear) {
    struct termios t;
    tcgetattr(s, &t);
    t.c_iflag = (t.c_iflag | set) & ~clear;
    tcsetattr(s, TCSANOW, &t);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) { perror("pty"); return 1; }
    s = open(ptsname(m), O_RDWR | O_NOCTTY | O_NONBLOCK);
    if (s < 0) { perror("slave"); return 1; }
    struct termios t;
    tcgetattr(s, &t);
    t.c_iflag = ICRNL | IXON;
    t.c_oflag = OPOST | ONLCR;
    t.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
    t.c_cc[VSTART] = 0x11;
    t.c_cc[VSTOP] = 0x13;
    t.c_cc[VINTR] = 0x03;
    t.c_cc[VLNEXT] = 0x16;
    tcsetattr(s, TCSANOW, &t);

    slave_write("flowing", "one\n");
    show("flowing");
    key("\x13");
    await_output(0);
    show("^S");
    slave_write("stopped", "two\n");
    pollout("stopped");
    key("ab");
    show("typed while stopped (echo held)");
    key("\x11");
    await_output(1);
    show("^Q (the held echo)");
    slave_write("started", "three\n");
    pollout("started");
    show("started");
    key("\n");
    show("newline");
    input("the line (no ^S or ^Q in it)");

    /* A blocking writer (its own open of the slave) waits for ^Q. */
    key("\x13");
    await_output(0);
    pid_t w = fork();
    if (w == 0) {
        int b = open(ptsname(m), O_RDWR | O_NOCTTY);
        ssize_t n = write(b, "late\n", 5);
        _exit(n == 5 ? 0 : 1);
    }
    show("a blocking writer while stopped");
    key("\x11");
    int status;
    waitpid(w, &status, 0);
    printf("the blocking writer exited %d\n", WEXITSTATUS(status));
    show("after ^Q");

    tcflow(s, TCOOFF);
    slave_write("tcflow TCOOFF", "x\n");
    key("\x11w\n");
    await_line("^Q and a line after TCOOFF");
    slave_write("^Q after TCOOFF", "x\n");
    tcflow(s, TCOON);
    slave_write("tcflow TCOON", "four\n");
    show("after TCOON (and the held echo)");

    iflags(IXANY, 0);
    key("\x13");
    await_output(0);
    slave_write("IXANY, stopped", "y\n");
    key("z");
    await_output(1);
    slave_write("IXANY, after a key", "five\n");
    show("IXANY");
    key("\x15");
    show("kill the line");
    iflags(0, IXANY);

    key("\x13");
    await_output(0);
    slave_write("stopped again", "y\n");
    key("\x03");
    await_output(1);
    slave_write("after ^C", "six\n");
    show("^C restarts output");

    tcflow(s, TCIOFF);
    show("tcflow TCIOFF");
    tcflow(s, TCION);
    show("tcflow TCION");
    int r = tcflow(s, 9);
    printf("tcflow 9: %d %s\n", r, strerrorname_np(errno));

    iflags(0, IXON);
    key("\x13\x11\n");
    show("no IXON: ^S ^Q echoed");
    input("no IXON: data");

    t.c_lflag &= ~ICANON;
    t.c_iflag &= ~IXON;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(s, TCSANOW, &t);
    key("\x16");
    show("non-canonical ^V");
    input("non-canonical ^V is data");
    return 0;
}
