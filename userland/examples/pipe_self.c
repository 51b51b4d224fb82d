/* pipe_self: a process sends a message to itself through a pipe, wrapped in FILE*s with
 * fdopen so it can use fprintf and fscanf.
 *
 * What it shows: a pipe works inside one process; fdopen turns a descriptor into a stdio
 * stream. But the writer's FILE is fully buffered (a pipe is not a terminal), so the
 * "10 20 30" line sits in the process's own stdio buffer and never reaches the pipe:
 * fscanf blocks forever, reading a pipe whose only writer is the process itself. The text
 * says so a page later: "If you want your bytes to be sent to the pipe immediately, you'll
 * need to fflush!" (pipe_self_flush.c does).
 * What to look at: no output.
 * Fixed to compile: the pipe(fh) call the text elides.
 * Outcome: on Linux it hangs (Ctrl-C). On Vitrine the machine stops with its deadlock
 * report (the process waits to read its own pipe); `vitrine run` exits with 125.
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
    int results[3];
    int ok = fscanf(reader, "%d %d %d", results, results + 1, results + 2);
    printf("%d values parsed: %d %d %d\n", ok, results[0], results[1], results[2]);
    return 0;
}
