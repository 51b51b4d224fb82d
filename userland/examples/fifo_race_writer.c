/* fifo_race_writer: "Program 1" of the chapter's named-pipe race: open the FIFO read-write,
 * write "Hello!", exit.
 *
 * What it shows: O_RDWR never blocks on a FIFO (the opener counts as its own reader), so
 * this program does not wait for Program 2. When it exits, its descriptor was the last one
 * open on the FIFO, and the data still queued in it is thrown away.
 * What to look at: run it with fifo_race_reader, in either order:
 *     mkfifo fifo
 *     fifo_race_reader & sleep 1; fifo_race_writer; wait   # the reader was there first
 *     fifo_race_writer; fifo_race_reader                   # the race lost: it blocks
 * Fixed to compile: includes and braces.
 * Outcome, on Linux and on Vitrine: it always succeeds silently; see fifo_race_reader.c.
 */
#include <fcntl.h>
#include <unistd.h>

int main() {
    int fd = open("fifo", O_RDWR | O_TRUNC);
    write(fd, "Hello!", 6);
    return 0;
}
