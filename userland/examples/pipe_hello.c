/* pipe_hello: question 15 ("Write a function that creates a pipe and uses write to send 5
 * bytes, "HELLO" to the pipe. Return the read file descriptor of the pipe").
 *
 * What it shows: the bytes sit in the pipe's buffer in the kernel until someone reads
 * them, even when the writer is the reader; the write end stays open in this process, so
 * the function must not close it before the write (and a reader would block, not see end
 * of file, after the 5 bytes while it stays open).
 * What to look at: main reads the 5 bytes back through the returned descriptor.
 * Outcome, on Linux and on Vitrine: "read 5 bytes: HELLO".
 */
#include <stdio.h>
#include <unistd.h>

static int hello_pipe(void) {
    int fd[2];
    if (pipe(fd) == -1) return -1;
    write(fd[1], "HELLO", 5);
    close(fd[1]); /* no more writers: a reader sees end of file after HELLO */
    return fd[0];
}

int main(void) {
    int rd = hello_pipe();
    char buf[16];
    ssize_t n = read(rd, buf, sizeof buf);
    printf("read %zd bytes: %.*s\n", n, (int) n, buf);
    printf("then read returns %zd (end of file)\n", read(rd, buf, sizeof buf));
    return 0;
}
