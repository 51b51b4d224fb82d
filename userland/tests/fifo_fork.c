/* fifo_fork: Named pipes between processes: blocking opens meet (reader first, then writer first), data flows, (continued) */
/*
 * EOF after the writer closes, and the chapter's "echo Hello > fifo; cat fifo". */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void rendezvous(int reader_first) {
    fflush(stdout);
    pid_t pid = fork();
    int child_reads = reader_first;
    if (pid == 0) {
        if (!reader_first) usleep(1000);
        if (child_reads) {
            int fd = open("fifo", O_RDONLY);           /* blocks until the parent opens for writing */
            char buf[64];
            int n, total = 0;
            while ((n = read(fd, buf + total, sizeof buf - total)) > 0) total += n;
            printf("reader got %d bytes: %.*s", total, total, buf);
            fflush(stdout);
            _exit(0);
        }
        int fd = open("fifo", O_WRONLY);
        write(fd, "from the child\n", 15);
        _exit(0);
    }
    if (reader_first) {
        usleep(1000);
        int fd = open("fifo", O_WRONLY);               /* the child is waiting in open(O_RDONLY) */
        write(fd, "from the parent\n", 16);
        close(fd);
    } else {
        int fd = open("fifo", O_RDONLY);               /* waits for the child's open(O_WRONLY) */
        char buf[64];
        int n, total = 0;
        while ((n = read(fd, buf + total, sizeof buf - total)) > 0) total += n;
        printf("parent got %d bytes: %.*s", total, total, buf);
        close(fd);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child exit %d\n", WEXITSTATUS(st));
}

int main(void) {
    char dir[] = "/tmp/fifo_forkXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    mkfifo("fifo", 0600);
    rendezvous(1);
    rendezvous(0);

    /* echo Hello > fifo & cat fifo */
    fflush(stdout);
    if (fork() == 0) {
        int fd = open("fifo", O_WRONLY);
        dup2(fd, 1);
        close(fd);
        printf("Hello\n");
        exit(0);
    }
    FILE *f = fopen("fifo", "r");
    char line[64];
    while (fgets(line, sizeof line, f)) printf("cat: %s", line);
    fclose(f);
    wait(NULL);
    unlink("fifo");
    chdir("/");
    rmdir(dir);
    return 0;
}
