/* tty_pkt: a pseudo-terminal's packet mode (TIOCPKT: data behind a 0 byte, the slave's flushes, stop and start, and flow-control changes as status bytes with POLLPRI) and TIOCSTI (EPERM on a terminal that is not the caller's, EFAULT, a typed line on one's own controlling terminal). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static int m, s;

static void result(const char *what, int r) {
    if (r < 0) printf("%-36s -1 %s\n", what, strerrorname_np(errno));
    else printf("%-36s %d\n", what, r);
}

/* One read of the master once something (data or a status) is there; the bytes, escaped. */
static void packet(const char *what) {
    struct pollfd p = {m, POLLIN | POLLPRI, 0};
    int r = poll(&p, 1, 2000);
    unsigned char buf[64];
    ssize_t n = r > 0 ? read(m, buf, sizeof buf) : 0;
    printf("%-36s pri %d, read %zd:", what, r > 0 && (p.revents & POLLPRI) != 0, n);
    for (ssize_t i = 0; i < n; i++) printf(" %02x", buf[i]);
    printf("\n");
}

static void set_iflag(tcflag_t set, tcflag_t clear) {
    struct termios t;
    tcgetattr(s, &t);
    t.c_iflag = (t.c_iflag | set) & ~clear;
    tcsetattr(s, TCSANOW, &t);
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) { perror("pty"); return 1; }
    s = open(ptsname(m), O_RDWR | O_NOCTTY);
    if (s < 0) { perror("slave"); return 1; }
    struct termios t;
    tcgetattr(s, &t);
    t.c_iflag = ICRNL | IXON;
    t.c_oflag = OPOST | ONLCR;
    t.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
    t.c_cc[VSTART] = 0x11;
    t.c_cc[VSTOP] = 0x13;
    t.c_cc[VINTR] = 0x03;
    tcsetattr(s, TCSANOW, &t);

    int on = 1;   /* TIOCGPKT: qemu 7.2 has none (ENOSYS); tty_gpkt_native checks it against the host's Linux */
    result("TIOCPKT on the slave", ioctl(s, TIOCPKT, &on));
    result("TIOCPKT with a bad pointer", ioctl(m, TIOCPKT, (int *) 8));
    result("TIOCPKT 1", ioctl(m, TIOCPKT, &on));

    if (write(s, "hi\n", 3) != 3) perror("write");
    packet("data");
    tcflush(s, TCIFLUSH);
    packet("slave TCIFLUSH");
    tcflush(s, TCOFLUSH);
    packet("slave TCOFLUSH");
    tcflush(s, TCIOFLUSH);
    packet("slave TCIOFLUSH");
    tcflush(m, TCIOFLUSH);
    if (write(s, "x", 1) != 1) perror("write");
    packet("master TCIOFLUSH (no status)");

    if (write(m, "\x13", 1) != 1) perror("key");
    packet("^S");
    if (write(m, "\x11", 1) != 1) perror("key");
    packet("^Q");
    tcflow(s, TCOOFF);
    packet("tcflow TCOOFF");
    tcflow(s, TCOON);
    packet("tcflow TCOON");
    set_iflag(0, IXON);
    packet("IXON off");
    set_iflag(IXON, 0);
    packet("IXON on");
    if (write(m, "ab\x03", 3) != 3) perror("key");
    packet("ab, ^C: the flushes");
    packet("then the echo");

    on = 0;
    ioctl(m, TIOCPKT, &on);
    if (write(s, "plain\n", 6) != 6) perror("write");
    packet("TIOCPKT 0");

    /* TIOCSTI: the slave is not this process's controlling terminal. */
    char c = 'q';
    result("TIOCSTI, not my terminal", ioctl(s, TIOCSTI, &c));
    result("TIOCSTI on the master", ioctl(m, TIOCSTI, &c));
    pid_t child = fork();
    if (child == 0) {
        setsid();
        int own = open(ptsname(m), O_RDWR);   /* a session leader takes it as its controlling terminal */
        result("TIOCSTI, a bad pointer", ioctl(own, TIOCSTI, (char *) 8));
        for (const char *k = "ok\n"; *k; k++) ioctl(own, TIOCSTI, k);
        char buf[16];
        ssize_t n = read(own, buf, sizeof buf);
        printf("the typed line: %zd \"%.*s\"\n", n, (int) (n > 0 ? n - 1 : 0), buf);
        _exit(0);
    }
    int status;
    waitpid(child, &status, 0);
    packet("the echo of the typed line");
    return 0;
}
