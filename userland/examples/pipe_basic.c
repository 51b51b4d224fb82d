/* pipe_basic: the chapter's first pipe: create it before fork, the child writes "done",
 * the parent reads it.
 *
 * What it shows: filedes[0] is the read end, filedes[1] the write end ("reading comes
 * before writing"); both processes have both ends after fork. read blocks until the child
 * has written.
 * What to look at: the parent prints what it read and how many bytes.
 * Fixed to compile: includes, main, the "do something with the bytes" (a printf).
 * Outcome, on Linux and on Vitrine: "parent read 4 bytes: done".
 */
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int filedes[2];
    pipe(filedes);
    pid_t child = fork();
    if (child > 0) { /* I must be the parent */
        char buffer[80];
        int bytesread = read(filedes[0], buffer, sizeof(buffer));
        // do something with the bytes read
        printf("parent read %d bytes: %.*s\n", bytesread, bytesread, buffer);
    } else {
        write(filedes[1], "done", 4);
    }
    return 0;
}
