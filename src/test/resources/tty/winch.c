/* winch: the terminal's window size (TIOCGWINSZ) before and after the terminal is resized,
 * which sends SIGWINCH to the foreground process group; then VMIN/VTIME: a read that waits
 * 0.3 s for a key nobody types returns 0. */
#include <signal.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static volatile sig_atomic_t resized;
static void on_winch(int sig) { (void)sig; resized = 1; }

static void show(const char *what) {
    struct winsize w;
    if (ioctl(0, TIOCGWINSZ, &w) != 0) { perror("TIOCGWINSZ"); return; }
    printf("%s %d rows %d cols\n", what, w.ws_row, w.ws_col);
    fflush(stdout);
}

int main(void) {
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGWINCH);
    sigprocmask(SIG_BLOCK, &block, &old);
    signal(SIGWINCH, on_winch);
    show("before");
    while (!resized) sigsuspend(&old);
    show("after SIGWINCH");

    struct termios t, raw;
    tcgetattr(0, &t);
    raw = t;
    raw.c_lflag &= ~(ICANON | ECHO);
    raw.c_cc[VMIN] = 0;
    raw.c_cc[VTIME] = 3;
    tcsetattr(0, TCSANOW, &raw);
    char c;
    ssize_t n = read(0, &c, 1);
    tcsetattr(0, TCSANOW, &t);
    printf("VTIME read: %zd\n", n);
    return 0;
}
