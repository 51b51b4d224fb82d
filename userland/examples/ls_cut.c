/* ls_cut: how a shell runs `ls -1 | cut -f1 -d.`: one pipe, two processes, dup2 to put the
 * pipe's ends on their stdout and stdin, execlp to become ls and cut.
 *
 * What it shows: pipe2(O_CLOEXEC) marks the pipe's own descriptors close-on-exec, so after
 * exec the only open ends are the dup2 copies on fd 1 (ls) and fd 0 (cut); when ls exits
 * the last write end closes and cut sees end of file. Without O_CLOEXEC cut would hold a
 * write end itself and never finish (the chapter's "close all unused ends").
 * What to look at: the output equals `ls -1 | cut -f1 -d.` typed into sh; `vitrine run`
 * --stats counts two execs. Needs ls and cut in $PATH (on Vitrine: /bin).
 * Fixed to compile: the closing braces and the "} else {" the text lost: the child runs ls,
 * the parent becomes cut (its stdout is the terminal).
 * Outcome, on Linux and on Vitrine: the names in the current directory without their
 * extensions.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdlib.h>

int main() {
    int pipe_fds[2];
    // Call with the O_CLOEXEC flag to prevent any commands from blocking
    pipe2(pipe_fds, O_CLOEXEC);
    // Remember for pipe_fds, the program read then write (reading is 0 and writing is 1)
    if (!fork()) {
        // Child
        // Make the stdout of the process, the write end
        dup2(pipe_fds[1], 1);
        // Exec! Don't forget the cast
        execlp("ls", "ls", "-1", (char *)NULL);
    } else {
        // Same here, except the stdin of the process is the read end
        dup2(pipe_fds[0], 0);
        // Same deal here
        execlp("cut", "cut", "-f1", "-d.", (char *)NULL);
    }
    return 0;
}
