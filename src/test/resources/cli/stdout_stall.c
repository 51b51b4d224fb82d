/* Two processes: the child floods stdout, which the host stops reading; the parent prints
 * a tick on stderr now and then. The ticks must arrive and --max-time must stop the run. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    if (fork() == 0) {
        char block[4096];
        memset(block, 'x', sizeof block);
        for (;;) write(1, block, sizeof block);
    }
    for (long i = 0;; i++)
        if (i % 50000 == 0) fprintf(stderr, "tick %ld\n", i / 50000);
}
