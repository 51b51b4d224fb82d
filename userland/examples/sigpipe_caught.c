/* sigpipe_caught: sigpipe_fails.c fixed: the writer writes only after every read end is
 * closed (its own, and the child's, which has exited), so the pipe has no reader and each
 * write raises SIGPIPE, which the handler catches.
 *
 * What it shows: with a handler installed, SIGPIPE does not kill the writer; write returns
 * -1 with errno EPIPE after the handler has run. Without the handler (SIG_DFL) the writer
 * would die of signal 13, the fate of `cat /dev/urandom | head -n 20`'s cat.
 * Why the roles are swapped from sigpipe_fails.c: if the child wrote while the parent had
 * not yet closed its read end, there would still be a reader, and the result would depend
 * on who runs first. Here the parent waits for the child to exit before writing.
 * What to look at: "No one is listening!" once per write, and write's -1/EPIPE.
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
    if (child == 0) {
        /* The child: a reader that leaves without reading */
        close(filedes[0]);
        close(filedes[1]);
        return 0;
    }
    close(filedes[0]);   /* now nobody can read, once the child is gone */
    wait(NULL);
    if (write(filedes[1], "One", 3) < 0) perror("write");
    if (write(filedes[1], "Two", 3) < 0) perror("write");
    write(1, "Done\n", 5);
    return 0;
}
