/* tty_pty: pseudo-terminals: posix_openpt/grantpt/unlockpt/ptsname, the slave lock, isatty/ttyname, the slave's termios, canonical input with echo and erase, ONLCR, VMIN, poll and epoll on both ends, TIOCGPTPEER, openpty, EIO on the master after the last slave closes, /dev/pts/N gone with the master, and the errors. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <termios.h>
#include <unistd.h>

/* Reads from fd until want bytes came or nothing more comes within 2 s; prints them escaped. */
static void expect(const char *what, int fd, int want) {
    char buf[256];
    int got = 0;
    while (got < want) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, 2000) <= 0) break;
        ssize_t n = read(fd, buf + got, sizeof buf - got);
        if (n <= 0) break;
        got += n;
    }
    printf("%s (%d): \"", what, got);
    for (int i = 0; i < got; i++) {
        unsigned char c = buf[i];
        if (c == '\n') printf("\\n");
        else if (c == '\r') printf("\\r");
        else if (c == '\b') printf("\\b");
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\"\n");
}

static void put(int fd, const char *s) {
    if (write(fd, s, strlen(s)) != (ssize_t) strlen(s)) printf("short write: %s\n", strerror(errno));
}

static int listed(int index) {
    DIR *d = opendir("/dev/pts");
    struct dirent *e;
    int found = 0;
    char name[16];
    snprintf(name, sizeof name, "%d", index);
    while (d && (e = readdir(d))) if (strcmp(e->d_name, name) == 0) found = 1;
    if (d) closedir(d);
    return found;
}

int main(void) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) { perror("posix_openpt"); return 1; }
    printf("master is a tty: %d\n", isatty(m));
    struct stat st;
    fstat(m, &st);
    printf("master: chr %d, rdev %d:%d\n", S_ISCHR(st.st_mode), major(st.st_rdev), minor(st.st_rdev));
    printf("grantpt: %d\n", grantpt(m));
    char name[64];
    strcpy(name, ptsname(m));
    unsigned int ptn = 99;
    ioctl(m, TIOCGPTN, &ptn);
    char want[64];
    snprintf(want, sizeof want, "/dev/pts/%u", ptn);
    printf("ptsname is /dev/pts/TIOCGPTN: %d\n", strcmp(name, want) == 0);
    int s = open(name, O_RDWR | O_NOCTTY);
    printf("open while locked: %d %s\n", s, s < 0 ? strerror(errno) : "");
    printf("unlockpt: %d\n", unlockpt(m));
    s = open(name, O_RDWR | O_NOCTTY);
    printf("slave opened: %d, isatty %d, ttyname matches: %d\n", s >= 0, isatty(s), strcmp(ttyname(s), name) == 0);
    struct stat ss, ls;
    fstat(s, &ss);
    stat(name, &ls);
    printf("slave: chr %d, major %d, minor is the index: %d, mode %o, same inode by path: %d, listed in /dev/pts: %d\n",
           S_ISCHR(ss.st_mode), major(ss.st_rdev), minor(ss.st_rdev) == ptn, ss.st_mode & 0777,
           ss.st_ino == ls.st_ino && ss.st_dev == ls.st_dev, listed(ptn));

    struct termios t, tm;
    tcgetattr(s, &t);
    tcgetattr(m, &tm);
    printf("slave termios: iflag %o oflag %o cflag %o lflag %o, VINTR %d VERASE %d VEOF %d VMIN %d VTIME %d; master shows the same: %d\n",
           t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, t.c_cc[VINTR], t.c_cc[VERASE], t.c_cc[VEOF], t.c_cc[VMIN], t.c_cc[VTIME],
           memcmp(&t, &tm, sizeof t) == 0);
    struct winsize ws = {0};
    ioctl(s, TIOCGWINSZ, &ws);
    printf("new window: %dx%d\n", ws.ws_row, ws.ws_col);

    struct pollfd pm = {m, POLLIN | POLLOUT, 0}, ps = {s, POLLIN | POLLOUT, 0};
    poll(&pm, 1, 0);
    poll(&ps, 1, 0);
    printf("idle poll: master %x, slave %x\n", pm.revents, ps.revents);

    put(m, "hello\n");
    expect("slave reads a line", s, 6);
    expect("master sees the echo", m, 7);
    put(m, "abc\x7f\x7f" "d\n");
    expect("erased line", s, 3);
    expect("its echo", m, 12);
    put(m, "no end yet");
    ps.revents = 0;
    poll(&ps, 1, 100);
    int n = 0;
    ioctl(s, FIONREAD, &n);
    printf("partial line: slave poll %x, FIONREAD %d\n", ps.revents, n);
    put(m, "\n");
    expect("then the whole line", s, 11);
    expect("echo", m, 12);

    int ep = epoll_create1(0);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = 1}, got[2];
    epoll_ctl(ep, EPOLL_CTL_ADD, s, &ev);
    ev.data.u32 = 2;
    epoll_ctl(ep, EPOLL_CTL_ADD, m, &ev);
    printf("epoll, nothing to read: %d\n", epoll_wait(ep, got, 2, 0));
    put(m, "line\n");
    int which = 0;
    for (int tries = 0; tries < 20 && which != 3; tries++) {   /* Linux pushes the echo a moment later */
        int k = epoll_wait(ep, got, 2, 100);
        for (int i = 0; i < k; i++) which |= got[i].data.u32;
    }
    printf("epoll after a line to the slave: slave ready %d, master ready (the echo) %d\n", (which & 1) != 0, (which & 2) != 0);
    expect("the line", s, 5);
    expect("its echo", m, 6);
    close(ep);

    put(s, "x\ny\n");
    expect("ONLCR", m, 6);
    ioctl(m, FIONREAD, &n);
    printf("master FIONREAD after reading: %d\n", n);
    t.c_oflag &= ~OPOST;
    tcsetattr(s, TCSANOW, &t);
    put(s, "x\ny\n");
    expect("no OPOST", m, 4);

    t.c_lflag &= ~(ICANON | ECHO);
    t.c_cc[VMIN] = 3;
    t.c_cc[VTIME] = 0;
    tcsetattr(s, TCSANOW, &t);
    put(m, "ab");
    ps.revents = 0;
    poll(&ps, 1, 100);
    printf("VMIN 3 with 2 bytes: slave poll %x\n", ps.revents & POLLIN);
    put(m, "c");
    expect("VMIN reached", s, 3);
    t.c_cc[VMIN] = 0;
    tcsetattr(s, TCSANOW, &t);
    char c;
    printf("VMIN 0 VTIME 0 read on nothing: %zd\n", read(s, &c, 1));
    pm.revents = 0;
    poll(&pm, 1, 0);
    printf("no echo, master poll %x\n", pm.revents);

    int peer = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
    printf("TIOCGPTPEER: fd %d, ttyname matches: %d\n", peer >= 0, peer >= 0 && strcmp(ttyname(peer), name) == 0);
    n = -1;
    errno = 0;
    printf("TIOCGPTN on the slave: %d %s\n", ioctl(s, TIOCGPTN, &n), strerror(errno));
    errno = 0;
    printf("tcgetpgrp of a tty that is not ours: %d %s\n", tcgetpgrp(s), strerror(errno));
    errno = 0;
    printf("tcgetsid: %d %s\n", tcgetsid(s), strerror(errno));
    errno = 0;
    printf("TIOCSCTTY by a non-leader: %d %s\n", ioctl(s, TIOCSCTTY, 0), strerror(errno));

    /* The last slave closes: what it wrote is read first, then EIO, and poll says POLLHUP. */
    put(s, "bye\n");
    close(s);
    close(peer);
    pm.revents = 0;
    poll(&pm, 1, 0);
    printf("after the slaves closed: master poll %x\n", pm.revents);
    expect("left over", m, 4);
    errno = 0;
    printf("then read: %zd %s\n", read(m, &c, 1), strerror(errno));
    pm.revents = 0;
    poll(&pm, 1, 0);
    printf("master poll %x\n", pm.revents);
    s = open(name, O_RDWR | O_NOCTTY);
    printf("reopened: %d\n", s >= 0);
    pm.revents = 0;
    poll(&pm, 1, 0);
    printf("master poll with a slave again %x\n", pm.revents);
    close(m);
    errno = 0;
    printf("after the master closed: slave read %zd, write %zd %s\n", read(s, &c, 1), write(s, "z", 1), strerror(errno));
    ps.revents = 0;
    poll(&ps, 1, 0);
    printf("hung-up slave poll %x\n", ps.revents);
    errno = 0;
    printf("its node: %d %s, listed %d\n", stat(name, &ls), strerror(errno), listed(ptn));
    errno = 0;
    printf("tcgetattr on it: %d %s\n", tcgetattr(s, &t), strerror(errno));
    close(s);

    int am, as;
    char an[64];
    struct winsize w = {30, 100, 0, 0};
    printf("openpty: %d\n", openpty(&am, &as, an, NULL, &w));
    ioctl(am, TIOCGWINSZ, &ws);
    printf("its window through the master: %dx%d, slave is %s\n", ws.ws_row, ws.ws_col,
           strncmp(an, "/dev/pts/", 9) == 0 && strcmp(an, ttyname(as)) == 0 ? "named" : "unnamed");
    close(am);
    close(as);

    int null = open("/dev/null", O_RDWR);
    errno = 0;
    printf("grantpt(/dev/null): %d %s\n", grantpt(null), strerror(errno));
    errno = 0;
    printf("ptsname(/dev/null): %s %s\n", ptsname(null) ? "name" : "NULL", strerror(errno));
    errno = 0;
    printf("isatty(/dev/null): %d %s\n", isatty(null), strerror(errno));
    return 0;
}
