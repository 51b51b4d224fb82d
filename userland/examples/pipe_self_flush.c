/* pipe_self_flush: pipe_self.c with the fflush the text asks for later: a process sends a message to itself through a pipe, wrapped in FILE*s with
 * fdopen so it can use fprintf and fscanf.
 *
 * What it shows: a pipe works inside one process; fdopen turns a descriptor into a stdio
 * stream. The writer's FILE is fully buffered (a pipe is not a terminal), so the "%d %d %d"
 * line sits in its buffer until fflush: without the fflush below, fscanf would block
 * forever, reading a pipe whose only writer is the process itself.
 * What to look at: "3 values parsed: 10 20 30".
 * Fixed to compile: the pipe(fh) call the text elides; the fflush(writer) is the text's
 * own later advice.
 * Outcome, on Linux and on Vitrine: "3 values parsed: 10 20 30".
 */
#include <unistd.h>
#include <stdlib.h>
#include <stdio.h>

int main() {
    int fh[2];
    pipe(fh);
    FILE *reader = fdopen(fh[0], "r");
    FILE *writer = fdopen(fh[1], "w");
    // Hurrah now I can use printf
    fprintf(writer, "%d %d %d\n", 10, 20, 30);
    fflush(writer);   /* the fix: the line leaves the stdio buffer for the pipe */
    int results[3];
    int ok = fscanf(reader, "%d %d %d", results, results + 1, results + 2);
    printf("%d values parsed: %d %d %d\n", ok, results[0], results[1], results[2]);
    return 0;
}
