/* fifo_race_reader: "Program 2" of the chapter's named-pipe race: open the FIFO for
 * reading, read 6 bytes, print them.
 *
 * What it shows: a blocking O_RDONLY open of a FIFO waits until some process has it open
 * for writing. If fifo_race_writer ran (and exited) first, no writer will ever come, and
 * its "Hello!" was discarded at its last close.
 * What to look at: with the reader started first, "Hello!"; after the writer, nothing.
 * Fixed to compile: includes and braces.
 * Outcome: reader first: "Hello!" (Linux and Vitrine). Writer first: on Linux the reader
 * hangs in open (Ctrl-C); on Vitrine the machine stops with its deadlock report (the
 * reader waits in open for a writer of "fifo"); `vitrine run` exits with 125.
 */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main() {
    char buffer[7];
    int fd = open("fifo", O_RDONLY);
    read(fd, buffer, 6);
    buffer[6] = '\0';
    printf("%s\n", buffer);
    return 0;
}
