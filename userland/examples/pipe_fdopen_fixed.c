/* pipe_fdopen_fixed: pipe_fdopen_hangs.c with the text's fix: the child sends a newline
 * after the number, so the parent's fscanf can tell that "20" has ended.
 *
 * What it shows: stdio streams on pipes work when the protocol tells the reader where a
 * value ends; the child's exit flushes its buffer (fully buffered: a pipe).
 * What to look at: the parent's line.
 * Fixed to compile: as pipe_fdopen_hangs.c.
 * Outcome, on Linux and on Vitrine: "The child says the score is 20".
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
        fprintf(writer, "Score %d\n", 10 + 10);
    }
    return 0;
}
