/* fifo_race: The chapter's named-pipe race: one process opens the FIFO O_RDWR, writes "Hello!" and exits; (continued) */
/*
 * another opens it O_RDONLY and reads. If the writer is done before the reader's open, the data
 * was thrown away at its last close and the reader's open waits for a writer that never comes.
 * Default: the writer first waits until the reader is in its open (an O_WRONLY|O_NONBLOCK probe
 * stops failing with ENXIO once a reader has counted itself), so the race is won, on Linux as here.
 * "race": no waiting, the scheduler decides (vitrine run --sched random --seed N fifo_race race). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int race = argc > 1 && strcmp(argv[1], "race") == 0;
    char dir[] = "/tmp/fifo_raceXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    mkfifo("fifo", 0600);
    fflush(stdout);
    pid_t writer = fork();
    if (writer == 0) {
        if (!race) {
            int probe;
            while ((probe = open("fifo", O_WRONLY | O_NONBLOCK)) < 0) usleep(1000);
            /* probe stays open until exit: closing it now could hand the reader an early EOF */
        }
        int fd = open("fifo", O_RDWR | O_TRUNC);
        write(fd, "Hello!", 6);
        close(fd);
        exit(0);
    }
    pid_t reader = fork();
    if (reader == 0) {
        char buf[64];
        int fd = open("fifo", O_RDONLY);
        int n = read(fd, buf, sizeof buf);
        printf("%.*s\n", n, buf);
        exit(0);
    }
    waitpid(writer, NULL, 0);
    waitpid(reader, NULL, 0);
    unlink("fifo");
    chdir("/");
    rmdir(dir);
    return 0;
}
