/* proc_exec: execve: the new image gets exactly the argv and envp given; O_CLOEXEC descriptors are (continued) */
/*
 * closed and others kept; caught signals revert to SIG_DFL, ignored ones stay ignored and
 * the blocked mask is kept; the pid stays. Failures: ENOENT, EACCES, a "#!" line whose
 * interpreter is missing. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

static void on_usr1(int sig) { (void)sig; }

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int after_exec(int argc, char **argv, char **envp) {
    printf("argc %d:", argc);
    for (int i = 0; i < argc; i++) printf(" [%s]", i == 2 ? "pid" : argv[i]);
    /* Sorted: qemu-user reverses the environment of a program it starts through binfmt_misc. */
    int n = 0;
    while (envp[n]) n++;
    qsort(envp, n, sizeof *envp, cmp);
    printf("\nenv (%d, sorted):", n);
    for (char **e = envp; *e; e++) printf(" [%s]", *e);
    printf("\n");
    printf("fd 5 (O_CLOEXEC) open: %d, fd 6 open: %d\n", fcntl(5, F_GETFD) >= 0, fcntl(6, F_GETFD) >= 0);
    struct sigaction sa;
    sigaction(SIGUSR1, 0, &sa);
    printf("SIGUSR1 caught before, now default: %d\n", sa.sa_handler == SIG_DFL);
    sigaction(SIGUSR2, 0, &sa);
    printf("SIGUSR2 ignored before, still ignored: %d\n", sa.sa_handler == SIG_IGN);
    sigset_t m;
    sigprocmask(SIG_BLOCK, 0, &m);
    printf("SIGINT still blocked: %d\n", sigismember(&m, SIGINT));
    printf("same pid as before exec: %d\n", atoi(argv[2]) == getpid());
    return 7;
}

int main(int argc, char **argv, char **envp) {
    if (argc > 1 && strcmp(argv[1], "after") == 0) return after_exec(argc, argv, envp);

    errno = 0;
    char *none[] = {"x", 0};
    execve("/no/such/program", none, none);
    printf("missing file: %s\n", strerror(errno));
    execve("/", none, none);
    printf("a directory: %s\n", strerror(errno));
    char path[64];
    snprintf(path, sizeof path, "/tmp/proc_exec_%d", getpid());
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    write(fd, "#!/no/such/interpreter\n", 23);
    close(fd);
    execve(path, none, none);
    printf("not executable: %s\n", strerror(errno));
    chmod(path, 0755);
    execve(path, none, none);
    printf("missing #! interpreter: %s\n", strerror(errno));
    unlink(path);

    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        int a = open("/dev/null", O_RDONLY | O_CLOEXEC), b = open("/dev/null", O_RDONLY);
        dup3(a, 5, O_CLOEXEC);
        dup2(b, 6);
        signal(SIGUSR1, on_usr1);
        signal(SIGUSR2, SIG_IGN);
        sigset_t m;
        sigemptyset(&m);
        sigaddset(&m, SIGINT);
        sigprocmask(SIG_BLOCK, &m, 0);
        char pid[16];
        snprintf(pid, sizeof pid, "%d", getpid());
        char *av[] = {"renamed-argv0", "after", pid, "third arg", 0};
        char *ev[] = {"ONE=1", "TWO=two words", 0};
        execve("/proc/self/exe", av, ev);
        perror("execve");
        _exit(1);
    }
    int st;
    waitpid(p, &st, 0);
    printf("child exited with %d\n", WEXITSTATUS(st));
    return 0;
}
