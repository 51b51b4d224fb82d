/* fs_fork: Open file descriptions across fork: a shared offset (the child's lseek moves the parent's), (continued) */
/*
 * a child's own open() with its own offset, interleaved writes, stdio buffers copied by fork,
 * and the "fork in a read loop reads lines twice" effect of exit() lseeking back. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char dir[] = "/tmp/fs_forkXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    int fd = open("shared", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(fd, "abcdefghijklmnopqrstuvwxyz", 26);
    lseek(fd, 0, SEEK_SET);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        lseek(fd, 10, SEEK_SET);
        int own = open("shared", O_RDONLY);
        char c;
        read(own, &c, 1);
        printf("child's own open reads at 0: %c\n", c);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent offset after the child's lseek: %ld\n", (long) lseek(fd, 0, SEEK_CUR));

    /* Alternating writers on one description append after each other. */
    ftruncate(fd, 0);
    lseek(fd, 0, SEEK_SET);
    int turn[2], back[2];
    pipe(turn);
    pipe(back);
    fflush(stdout);
    pid = fork();
    char tok;
    if (pid == 0) {
        for (int i = 0; i < 3; i++) {
            read(turn[0], &tok, 1);
            write(fd, "child\n", 6);
            write(back[1], "k", 1);
        }
        _exit(0);
    }
    for (int i = 0; i < 3; i++) {
        write(fd, "parent\n", 7);
        write(turn[1], "t", 1);
        read(back[0], &tok, 1);
    }
    waitpid(pid, NULL, 0);
    char buf[200];
    int n = pread(fd, buf, sizeof buf, 0);
    printf("interleaved (%d bytes):\n%.*s", n, n, buf);
    fflush(stdout);

    /* A stdio buffer not yet flushed is copied into the child and printed twice (stdout is a pipe here). */
    printf("printed before fork, buffered");
    pid = fork();
    printf(" [%s]\n", pid == 0 ? "child" : "parent");
    if (pid == 0) exit(0);
    waitpid(pid, NULL, 0);
    fflush(stdout);

    /* A child exit()ing with unread input in a FILE moves the shared offset back: the parent rereads. */
    FILE *f = fopen("lines", "w");
    for (int i = 1; i <= 3; i++) fprintf(f, "line %d\n", i);
    fclose(f);
    f = fopen("lines", "r");
    char line[64];
    int reads = 0;
    while (fgets(line, sizeof line, f) && reads < 10) {
        reads++;
        printf("read: %s", line);
        fflush(stdout);
        pid = fork();
        if (pid == 0) exit(0);
        waitpid(pid, NULL, 0);
    }
    fclose(f);
    printf("lines read by the parent: %d\n", reads);

    close(fd);
    unlink("shared");
    unlink("lines");
    chdir("/");
    rmdir(dir);
    return 0;
}
