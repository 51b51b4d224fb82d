/* tty_notty: TIOCNOTTY by a session member that is not its leader drops that process's controlling terminal only (no signal, /dev/tty gone for it and its children, no job control, ENOTTY after), while the leader keeps it. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void result(const char *what, int r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: ok\n", what);
}

static void devtty(const char *who) {
    int fd = open("/dev/tty", O_RDWR);
    char what[64];
    snprintf(what, sizeof what, "%s opens /dev/tty", who);
    result(what, fd);
    if (fd >= 0) close(fd);
}

static void hup(int sig) { printf("caught %s\n", sigabbrev_np(sig)); }

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    pid_t leader = fork();
    if (leader == 0) {
        setsid();
        int m = posix_openpt(O_RDWR | O_NOCTTY);
        if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) { perror("pty"); _exit(1); }
        int s = open(ptsname(m), O_RDWR);   /* a session leader without a terminal takes it */
        if (s < 0) { perror("slave"); _exit(1); }
        devtty("leader");
        signal(SIGHUP, hup);
        signal(SIGCONT, hup);
        pid_t member = fork();
        if (member == 0) {
            pid_t pg;
            result("member TIOCGPGRP before", ioctl(s, TIOCGPGRP, &pg));
            result("member TIOCNOTTY", ioctl(s, TIOCNOTTY));
            devtty("member");
            result("member TIOCGPGRP after", ioctl(s, TIOCGPGRP, &pg));
            result("member TIOCGSID after", ioctl(s, TIOCGSID, &pg));
            result("member TIOCNOTTY again", ioctl(s, TIOCNOTTY));
            /* A background group's change of the terminal's settings: not its terminal any more, so no SIGTTOU. */
            setpgid(0, 0);
            struct termios t;
            tcgetattr(s, &t);
            result("member in its own group sets termios", tcsetattr(s, TCSANOW, &t));
            pid_t child = fork();
            if (child == 0) {
                devtty("member's child");
                _exit(0);
            }
            waitpid(child, NULL, 0);
            /* A new session starts afresh: no terminal until it takes one. */
            if (fork() == 0) {
                setsid();
                devtty("member's child after setsid");
                int again = open(ptsname(m), O_RDWR);
                result("member's child, a leader now, reopens the slave", again);
                devtty("member's child after the reopen");
                _exit(0);
            }
            wait(NULL);
            _exit(0);
        }
        int status;
        waitpid(member, &status, 0);
        printf("member exited %d\n", WEXITSTATUS(status));
        devtty("leader after");
        pid_t pg;
        result("leader TIOCGPGRP after", ioctl(s, TIOCGPGRP, &pg));
        printf("foreground is the leader's group: %d\n", pg == getpgrp());
        _exit(0);
    }
    int status;
    waitpid(leader, &status, 0);
    printf("leader exited %d\n", WEXITSTATUS(status));
    return 0;
}
