/* tty_gpkt_native: TIOCGPKT tells whether a pseudo-terminal's master is in packet mode, and is ENOTTY on the slave (qemu 7.2 has no TIOCGPKT); the native build is the oracle */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void show(const char *what, int fd) {
    int got = -1;
    int r = ioctl(fd, TIOCGPKT, &got);
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %d\n", what, got);
}

int main(void) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) { perror("pty"); return 1; }
    int s = open(ptsname(m), O_RDWR | O_NOCTTY);
    show("master, new", m);
    show("slave", s);
    int on = 5;
    ioctl(m, TIOCPKT, &on);
    show("master after TIOCPKT 5", m);
    on = 0;
    ioctl(m, TIOCPKT, &on);
    show("master after TIOCPKT 0", m);
    int r = ioctl(m, TIOCGPKT, (int *) 8);
    printf("bad pointer: %d %s\n", r, strerrorname_np(errno));
    return 0;
}
