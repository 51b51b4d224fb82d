/* fifo_named: question 12 ("What is the difference between a named pipe and an unnamed
 * pipe?"): a FIFO made with mkfifo has a name in the file system, so any process that can
 * open the path can use it; pipe(2) gives two descriptors and no name, so only the creator
 * and the processes that inherit the descriptors can.
 *
 * What it shows: stat sees chapter.fifo as a FIFO; a child opens it by name for
 * writing (open blocks until a reader opens it too) and the parent reads by name. fstat on
 * an unnamed pipe's descriptor also says FIFO, but there is no path to open.
 * What to look at: the type letters and the message that went through the named pipe.
 * Outcome, on Linux and on Vitrine: "chapter.fifo is a FIFO", the message,
 * "pipe(2)'s read end is a FIFO too, with no name".
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    const char *path = "chapter.fifo";
    unlink(path);
    if (mkfifo(path, 0600) != 0) { perror("mkfifo"); return 1; }
    struct stat st;
    stat(path, &st);
    printf("%s is %s\n", path, S_ISFIFO(st.st_mode) ? "a FIFO" : "not a FIFO");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int w = open(path, O_WRONLY); /* blocks until the parent opens it for reading */
        write(w, "through the named pipe\n", 23);
        close(w);
        return 0;
    }
    int r = open(path, O_RDONLY);
    char buf[64];
    ssize_t n = read(r, buf, sizeof buf);
    printf("parent read by name: %.*s", (int) n, buf);
    close(r);
    waitpid(pid, NULL, 0);
    unlink(path);
    int fd[2];
    pipe(fd);
    fstat(fd[0], &st);
    printf("pipe(2)'s read end is %s, with no name\n", S_ISFIFO(st.st_mode) ? "a FIFO too" : "not a FIFO");
    return 0;
}
