/* pipe_fdopen_hangs: the chapter's "complete example using pipes that almost works":
 * "The parent never prints anything!"
 *
 * What it shows: the child fprintf's "Score 20" (no newline) and exits, which flushes it
 * into the pipe. The parent's fscanf("Score %d") reads "20" and then needs one more
 * character to know the number has ended; none comes, and end of file never comes either,
 * because the parent itself still holds the write end (fh[1], inside `writer`).
 * What to look at: no output at all.
 * Fixed to compile: pipe(fh) (elided in the text) and the closing braces.
 * Outcome: on Linux it hangs (Ctrl-C). On Vitrine: the deadlock report (the parent waits
 * to read a pipe whose only writer is itself), `vitrine run` exits 125. The text's fix,
 * "Score %d\n", is pipe_fdopen_fixed.c.
 */
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>

int main() {
    int fh[2];
    pipe(fh);
    FILE *reader = fdopen(fh[0], "r");
    FILE *writer = fdopen(fh[1], "w");
    pid_t p = fork();
    if (p > 0) {
        int score;
        fscanf(reader, "Score %d", &score);
        printf("The child says the score is %d\n", score);
    } else {
        fprintf(writer, "Score %d", 10 + 10);
    }
    return 0;
}
