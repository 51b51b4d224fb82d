/* fs_cloexec: Descriptors across execve: O_CLOEXEC, FD_CLOEXEC, dup3(O_CLOEXEC), F_DUPFD_CLOEXEC and (continued) */
/*
 * pipe2(O_CLOEXEC) close; plain ones and dup()s stay, sharing their offset with the old image. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *names[] = {"plain", "O_CLOEXEC", "FD_CLOEXEC", "dup of O_CLOEXEC", "dup3 O_CLOEXEC",
                              "F_DUPFD_CLOEXEC", "pipe2 read", "pipe2 write"};

int main(int argc, char **argv) {
    if (argc > 2) {   /* the new image: argv[2..] are the fd numbers to look at */
        for (int i = 2; i < argc; i++) {
            int fd = atoi(argv[i]);
            int fl = fcntl(fd, F_GETFD);
            printf("%-18s fd %2d: %s", names[i - 2], fd, fl < 0 ? strerrorname_np(errno) : "open");
            if (fl >= 0 && i == 2) printf(", offset %ld", (long) lseek(fd, 0, SEEK_CUR));
            printf("\n");
        }
        return 0;
    }
    char dir[] = "/tmp/fs_cloexecXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    int fds[8];
    fds[0] = open("f", O_CREAT | O_RDWR, 0644);
    write(fds[0], "12345", 5);
    fds[1] = open("f", O_RDONLY | O_CLOEXEC);
    fds[2] = open("f", O_RDONLY);
    fcntl(fds[2], F_SETFD, FD_CLOEXEC);
    fds[3] = dup(fds[1]);
    fds[4] = dup3(fds[0], 20, O_CLOEXEC);
    fds[5] = fcntl(fds[0], F_DUPFD_CLOEXEC, 30);
    int p[2];
    pipe2(p, O_CLOEXEC);
    fds[6] = p[0];
    fds[7] = p[1];
    char *av[12];
    char nums[8][8];
    av[0] = argv[0];
    av[1] = "exec";
    for (int i = 0; i < 8; i++) { snprintf(nums[i], sizeof nums[i], "%d", fds[i]); av[i + 2] = nums[i]; }
    av[10] = NULL;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execv("/proc/self/exe", av);
        perror("execv");
        _exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child exit %d\n", WEXITSTATUS(st));
    unlink("f");
    chdir("/");
    rmdir(dir);
    return 0;
}
