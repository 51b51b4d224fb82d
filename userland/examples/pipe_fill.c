/* pipe_fill: write to a pipe forever, never reading it: the chapter's "a pipe only has a
 * limited buffering capacity".
 *
 * What it shows: the writes succeed until the pipe's buffer is full (on Linux 65536
 * bytes: 16 page-sized slots of 128 messages of 32 bytes, 2048 writes), then write blocks,
 * waiting for a reader to make room. The only reader is this process, which is stuck in
 * write: nobody will ever read.
 * What to look at: the count on stderr after each 4 KiB, then nothing.
 * Fixed to compile: pipe(fh) (elided in the text), a missing semicolon, a counter printed
 * so the filling can be watched.
 * Outcome: on Linux it hangs (Ctrl-C to stop). On Vitrine the kernel sees that every
 * process is asleep and none can wake another: it stops with its deadlock report (this
 * process waits for room in the pipe) and `vitrine run` exits with 125.
 */
#include <stdio.h>
#include <unistd.h>

int main() {
    int fh[2];
    pipe(fh);
    int b = 0;
#define MESG "..............................."
    while (1) {
        write(fh[1], MESG, sizeof(MESG));
        b += sizeof(MESG);
        if (b % 4096 == 0) fprintf(stderr, "%d bytes in the pipe\n", b);
    }
    return 0;
}
