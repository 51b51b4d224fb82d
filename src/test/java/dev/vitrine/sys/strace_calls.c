/* The calls StraceFormatTest compares: run natively under strace -f and on Vitrine with --strace. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void on_signal(int sig) { (void) sig; }

int main(void) {
    struct rlimit no_core = {0, 0};
    setrlimit(RLIMIT_CORE, &no_core);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_SETMASK, &chld, NULL);   /* no SIGCHLD line: Linux queues an ignored one only for a tracee */
    write(1, "--begin--\n", 10);

    int fd = open("strace_tmp", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    write(fd, "hello\n\0\001x\"\\\t", 12);
    struct stat st;
    fstat(fd, &st);
    close(fd);
    stat("strace_missing", &st);
    unlinkat(AT_FDCWD, "strace_tmp", 0);

    char link[64];
    symlinkat("strace_target", AT_FDCWD, "strace_link");
    readlinkat(AT_FDCWD, "strace_link", link, sizeof link);
    unlinkat(AT_FDCWD, "strace_link", 0);
    mkdirat(AT_FDCWD, "strace_dir", 0755);
    int dir = open("strace_dir", O_RDONLY | O_DIRECTORY);
    char dents[256];
    syscall(SYS_getdents64, dir, dents, sizeof dents);
    close(dir);
    unlinkat(AT_FDCWD, "strace_dir", AT_REMOVEDIR);

    int p[2];
    pipe2(p, O_CLOEXEC);
    dup3(p[0], 10, O_CLOEXEC);
    fcntl(10, F_GETFD);
    fcntl(10, F_SETFD, 0);
    fcntl(p[1], F_GETFL);
    lseek(10, 0, SEEK_CUR);

    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGPIPE, &sa, NULL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    sigprocmask(SIG_UNBLOCK, &set, &old);
    kill(getpid(), SIGUSR1);

    close(p[0]);
    close(10);
    write(p[1], "x", 1);   /* EPIPE and a caught SIGPIPE */
    close(p[1]);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[0]);
    close(sv[1]);
    close(socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));

    struct timespec ts = {0, 1000};
    nanosleep(&ts, NULL);
    syscall(SYS_clock_getres, CLOCK_MONOTONIC, &ts);

    void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(m, 4096, PROT_READ);
    munmap(m, 8192);

    int status;
    pid_t c = fork();
    if (c == 0) _exit(3);
    wait4(c, &status, 0, NULL);
    c = fork();
    if (c == 0) { *(volatile int *) 0 = 1; _exit(0); }
    wait4(c, &status, 0, NULL);
    char *argv[] = {"prog", "a b", NULL}, *envp[] = {"A=1", NULL};
    execve("/nonexistent/prog", argv, envp);
    return 0;
}
