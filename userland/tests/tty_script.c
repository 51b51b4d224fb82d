/* tty_script: a script(1)-like recorder: forkpty runs a little line-reading "shell" on the slave (a terminal to it: isatty, line-buffered stdout, tcgetpgrp its own group), the parent types lines into the master and copies everything the master reads until EIO after the child exits. */
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void shell(void) {
    char line[128];
    printf("tty %d %d %d, foreground is me %d\n", isatty(0), isatty(1), isatty(2), tcgetpgrp(0) == getpgrp());
    for (;;) {
        printf("$ ");
        if (!fgets(line, sizeof line, stdin)) break;
        line[strcspn(line, "\n")] = 0;
        if (strcmp(line, "exit") == 0) break;
        printf("you said [%s], %zu bytes\n", line, strlen(line));
    }
    printf("bye\n");
}

int main(void) {
    int m;
    struct winsize ws = {24, 80, 0, 0};
    fflush(stdout);
    pid_t kid = forkpty(&m, NULL, NULL, &ws);
    if (kid < 0) { perror("forkpty"); return 1; }
    if (kid == 0) {
        shell();
        return 0;
    }
    const char *typed[] = {"hello\n", "two words\n", "abc\x7f\x7f" "z\n", "exit\n"};
    int next = 0;
    char buf[512], all[4096];
    size_t have = 0;
    for (;;) {
        struct pollfd p = {m, POLLIN, 0};
        if (poll(&p, 1, 5000) <= 0) { printf("timeout\n"); break; }
        ssize_t n = read(m, buf, sizeof buf);
        if (n < 0) { printf("master read: %s\n", strerror(errno)); break; }
        if (n == 0) { printf("master read: 0\n"); break; }
        memcpy(all + have, buf, n);
        have += n;
        /* Type the next line once its prompt "$ " came. */
        int seen = 0;
        for (size_t i = 0; i + 1 < have; i++) if (all[i] == '$' && all[i + 1] == ' ') seen++;
        while (next < seen && next < 4) {
            write(m, typed[next], strlen(typed[next]));
            next++;
        }
    }
    int st;
    waitpid(kid, &st, 0);
    printf("recorded %zu bytes:\n", have);
    for (size_t i = 0; i < have; i++) {
        unsigned char c = all[i];
        if (c == '\r') printf("\\r");
        else if (c == '\n') printf("\\n\n");
        else if (c < 0x20 || c == 0x7f) printf("\\x%02x", c);
        else putchar(c);
    }
    printf("\nchild exit %d\n", WEXITSTATUS(st));
    return 0;
}
