/* sigpipe_fails: the chapter's "example of catching this signal that fails": a SIGPIPE
 * handler that never runs.
 *
 * What it shows: SIGPIPE comes only when a write finds NO reader left. The parent closes
 * its read end and leaves, but the child still holds its own copy of filedes[0], so the
 * pipe has a reader (the child itself) and both writes just go into the pipe's buffer.
 * What to look at: "Done" is printed and "No one is listening!" is not.
 * Fixed to compile: the pipe(filedes) call and the parent's close(filedes[0]) the text
 * describes in a comment; the parent waits for the child so the output comes before the
 * shell's prompt.
 * Outcome, on Linux and on Vitrine: "Done" only, status 0. The fix: close every read end
 * before writing, the writer's own included (sigpipe_caught.c).
 */
#include <stdio.h>
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
        /* This process is the parent. Close the listening end of the pipe */
        close(filedes[0]);
        wait(NULL);
    } else {
        /* Child writes messages to the pipe */
        write(filedes[1], "One", 3);
        // Will this write generate SIGPIPE ?
        write(filedes[1], "Two", 3);
        write(1, "Done\n", 5);
    }
    return 0;
}
