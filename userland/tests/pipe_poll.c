/* pipe_poll: Waiting on pipes: poll blocks until a child writes, times out when nothing comes, sees POLLHUP (continued) */
/*
 * when the last writer leaves; select does the same; a non-blocking reader polls then reads. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int a[2], b[2], ack[2];
    pipe(a);
    pipe(b);
    pipe(ack);      /* the parent acknowledges each event, so the order does not depend on timing */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(a[0]);
        close(b[0]);
        close(ack[1]);
        char k;
        usleep(10000);
        write(b[1], "second pipe\n", 12);
        read(ack[0], &k, 1);
        close(b[1]);
        read(ack[0], &k, 1);
        write(a[1], "first pipe\n", 11);
        read(ack[0], &k, 1);
        _exit(0);
    }
    close(a[1]);
    close(b[1]);
    close(ack[0]);
    signal(SIGPIPE, SIG_IGN);     /* the last ack finds the child gone */
    struct pollfd fds[2] = {{a[0], POLLIN, 0}, {b[0], POLLIN, 0}};
    char buf[64];
    int open_ends = 2;
    while (open_ends > 0) {
        int n = poll(fds, 2, -1);
        for (int i = 0; i < 2; i++) {
            if (fds[i].revents & POLLIN) {
                int r = read(fds[i].fd, buf, sizeof buf);
                if (r > 0) printf("poll %d: pipe %d readable: %.*s", n, i, r, buf);
                else { printf("poll %d: pipe %d at EOF\n", n, i); fds[i].fd = -1; open_ends--; }
            } else if (fds[i].revents & POLLHUP) {
                printf("poll %d: pipe %d hung up\n", n, i);
                fds[i].fd = -1;
                open_ends--;
            }
        }
        write(ack[1], "k", 1);
    }
    close(ack[1]);
    waitpid(pid, NULL, 0);

    int c[2];
    pipe(c);
    struct pollfd one = {c[0], POLLIN, 0};
    printf("poll with 30 ms timeout on an idle pipe: %d\n", poll(&one, 1, 30));
    fd_set rd;
    FD_ZERO(&rd);
    FD_SET(c[0], &rd);
    struct timeval tv = {0, 20000};
    printf("select with 20 ms timeout: %d\n", select(c[0] + 1, &rd, NULL, NULL, &tv));
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        usleep(5000);
        write(c[1], "x", 1);
        _exit(0);
    }
    FD_ZERO(&rd);
    FD_SET(c[0], &rd);
    tv = (struct timeval) {5, 0};
    int n = select(c[0] + 1, &rd, NULL, NULL, &tv);
    printf("select until the child writes: %d, readable %d\n", n, FD_ISSET(c[0], &rd) != 0);
    waitpid(pid, NULL, 0);
    fcntl(c[0], F_SETFL, O_NONBLOCK);
    printf("read: %zd\n", read(c[0], buf, sizeof buf));
    printf("read again: %zd %s\n", read(c[0], buf, sizeof buf), strerrorname_np(errno));
    printf("poll bad fd: %d revents %#x\n", poll(&(struct pollfd) {77, POLLIN, 0}, 1, 0), POLLNVAL);
    return 0;
}
