/* pipe_end_marker: pipe_never_leaves.c with the chapter's first fix: the child stops
 * reading at an end-of-message marker, '!', instead of waiting for end of file.
 *
 * What it shows: a protocol on top of the byte stream can end the loop even while write
 * ends are open. The child then exits, flushing "Hi Child!" from its stdout buffer, and
 * the parent's wait returns.
 * What to look at: "Hi Child!" appears, then the program ends.
 * Fixed to compile: as pipe_never_leaves.c, plus the marker test from the text.
 * Outcome, on Linux and on Vitrine: "Reading from 3, writing to 4", then "Hi Child!".
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main() {
    int fd[2];
    pipe(fd);
    printf("Reading from %d, writing to %d\n", fd[0], fd[1]);
    fflush(stdout);
    pid_t p = fork();
    if (p > 0) {
        write(fd[1], "Hi Child!", 9);
        wait(NULL);
    } else {
        char buf;
        int bytesread;
        while ((bytesread = read(fd[0], &buf, 1)) > 0) {
            putchar(buf);
            if (buf == '!') break; /* End of message */
        }
        putchar('\n');
    }
    return 0;
}
