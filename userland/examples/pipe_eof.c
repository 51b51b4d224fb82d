/* pipe_eof: question 11 ("Under what conditions will calling read() on a pipe block? Under
 * what conditions will read() immediately return 0?").
 *
 * What it shows: read on an empty pipe blocks while some process still holds its write end;
 * it returns as soon as data arrives (with what is there, up to the count asked); once every
 * write end is closed and the pipe is drained, read returns 0: end of file. With O_NONBLOCK
 * an empty pipe with a writer gives -1/EAGAIN instead of blocking.
 * What to look at: the parent's read returns only after the child has written; the last
 * read returns 0 after the child has closed its end and exited.
 * Outcome, on Linux and on Vitrine: EAGAIN, then the child's line, "read returned 5",
 * then "read returned 0".
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd);
    fcntl(fd[0], F_SETFL, O_NONBLOCK);
    char buf[64];
    ssize_t n = read(fd[0], buf, sizeof buf);
    printf("O_NONBLOCK read of an empty pipe: %zd (%s)\n", n, n < 0 && errno == EAGAIN ? "EAGAIN: it would block" : "?");
    fcntl(fd[0], F_SETFL, 0);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        usleep(100000);
        printf("child: writing 5 bytes after a pause\n");
        fflush(stdout);
        write(fd[1], "hello", 5);
        close(fd[1]);
        return 0;
    }
    close(fd[1]); /* else the parent itself would keep the pipe open and the last read would block forever */
    printf("parent: read blocks until the child writes...\n");
    fflush(stdout);
    n = read(fd[0], buf, sizeof buf);
    printf("parent: read returned %zd: %.*s\n", n, (int) n, buf);
    n = read(fd[0], buf, sizeof buf);
    printf("parent: read returned %zd: every write end is closed (end of file)\n", n);
    waitpid(pid, NULL, 0);
    return 0;
}
