/* pipe_never_leaves: the chapter's "complete example that doesn't work": the child reads
 * the parent's message one byte at a time, but never leaves its read loop.
 *
 * What it shows: read on a pipe returns 0 (end of file) only when every write end is
 * closed. Here the write end is still open in the parent AND in the child itself, so when
 * the 9 bytes are consumed the child's read blocks forever; the parent waits for the child.
 * And we never see the message: putchar goes into stdout's buffer, which is flushed only
 * at exit (or at a newline on a terminal), and the child never exits.
 * What to look at: the first line is printed (before fork, by the parent); "Hi Child!" never
 * appears.
 * Fixed to compile: pipe(fd) (the text elides it), the loop body (putchar(buf)) and the
 * parent's "don't forget your child" (wait).
 * Outcome: on Linux it hangs (Ctrl-C to stop). On Vitrine the machine stops with its
 * deadlock report: the parent waits for its child, the child waits to read a pipe whose
 * only writers are itself and its parent; `vitrine run` exits with 125.
 * The fix: close(fd[1]) in the child before the loop, and in the parent after writing; or
 * an end-of-message marker (pipe_end_marker.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

int main() {
    int fd[2];
    pipe(fd);
    //You must read from fd[0] and write from fd[1]
    printf("Reading from %d, writing to %d\n", fd[0], fd[1]);
    fflush(stdout);
    pid_t p = fork();
    if (p > 0) {
        /* I have a child, therefore I am the parent */
        write(fd[1], "Hi Child!", 9);
        /*don't forget your child*/
        wait(NULL);
    } else {
        char buf;
        int bytesread;
        // read one byte at a time.
        while ((bytesread = read(fd[0], &buf, 1)) > 0) {
            putchar(buf);
        }
    }
    return 0;
}
