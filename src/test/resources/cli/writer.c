/* Writes 1000-byte blocks to stdout until a write fails; with "ignore", SIGPIPE is ignored
 * and the failing write's errno is printed on stderr. Piped into `head -c 100`. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "ignore") == 0) signal(SIGPIPE, SIG_IGN);
    char block[1000];
    memset(block, 'x', sizeof block);
    for (long i = 0; i < 100000000; i++) {
        if (write(1, block, sizeof block) < 0) {
            fprintf(stderr, "write: %s\n", strerror(errno));
            return 3;
        }
    }
    return 0;
}
