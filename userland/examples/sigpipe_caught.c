/* sigpipe_caught: sigpipe_fails.c fixed: the child closes its read end too, so the pipe
 * has no reader and the write raises SIGPIPE, which the handler catches.
 *
 * What it shows: with a handler installed, SIGPIPE does not kill the writer; write returns
 * -1 with errno EPIPE after the handler has run. Without the handler (SIG_DFL) the child
 * would die of signal 13, the fate of `cat /dev/urandom | head -n 20`'s cat.
 * What to look at: "No one is listening!" once per write, and write's -1/EPIPE.
 * Fixed to compile: as sigpipe_fails.c.
 * Outcome, on Linux and on Vitrine: twice "No one is listening!" / "write: Broken pipe",
 * then "Done".
 */
#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

void no_one_listening(int signal) {
    write(1, "No one is listening!\n", 21);
}

int main() {
    signal(SIGPIPE, no_one_listening);
    int filedes[2];
    pipe(filedes);
    pid_t child = fork();
    if (child > 0) {
        close(filedes[0]);
        close(filedes[1]);
        wait(NULL);
    } else {
        close(filedes[0]);   /* now nobody can read */
        if (write(filedes[1], "One", 3) < 0) perror("write");
        if (write(filedes[1], "Two", 3) < 0) perror("write");
        write(1, "Done\n", 5);
    }
    return 0;
}
