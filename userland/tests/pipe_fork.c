/* pipe_fork: Pipes between processes: the chapter's parent-to-child message, EOF only after every writer (continued) */
/*
 * closed, SIGPIPE (default kills with 13) and EPIPE (ignored or blocked), dup2 into stdin/stdout,
 * PIPE_BUF atomicity under concurrent writers, a blocked large write split by the reader. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void status(const char *what, int st) {
    if (WIFEXITED(st)) printf("%s: exit %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st)) printf("%s: killed by signal %d\n", what, WTERMSIG(st));
}

static void message(void) {
    int fd[2];
    pipe(fd);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[1]);
        char c, got[64];
        int n = 0;
        while (read(fd[0], &c, 1) > 0) got[n++] = c;   /* EOF only when the parent closes its end too */
        printf("child read %d bytes: %.*s\n", n, n, got);
        exit(0);
    }
    close(fd[0]);
    write(fd[1], "Hi Child!", 9);
    close(fd[1]);
    int st;
    waitpid(pid, &st, 0);
    status("message child", st);
}

static void sigpipe_default(void) {
    int fd[2];
    pipe(fd);
    close(fd[0]);                                   /* before the fork: no process has a reader when the child writes */
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        write(fd[1], "x", 1);                       /* no reader: SIGPIPE */
        _exit(0);
    }
    close(fd[1]);
    int st;
    waitpid(pid, &st, 0);
    status("writer without reader", st);
}

static void sigpipe_ignored(void) {
    int fd[2];
    pipe(fd);
    close(fd[0]);
    signal(SIGPIPE, SIG_IGN);
    ssize_t r = write(fd[1], "x", 1);
    printf("ignored SIGPIPE: write = %zd %s\n", r, strerrorname_np(errno));
    signal(SIGPIPE, SIG_DFL);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    sigprocmask(SIG_BLOCK, &set, &old);
    r = write(fd[1], "x", 1);
    printf("blocked SIGPIPE: write = %zd %s\n", r, strerrorname_np(errno));
    sigset_t pend;
    sigpending(&pend);
    printf("SIGPIPE pending: %d\n", sigismember(&pend, SIGPIPE));
    signal(SIGPIPE, SIG_IGN);               /* discard the pending one before unblocking */
    sigprocmask(SIG_SETMASK, &old, NULL);
    signal(SIGPIPE, SIG_DFL);
    close(fd[1]);
}

/* ls | wc style: the child's stdout into the parent's stdin. */
static void redirect(void) {
    int fd[2];
    pipe2(fd, O_CLOEXEC);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        for (int i = 0; i < 5; i++) printf("line %d from the child\n", i);
        exit(0);
    }
    close(fd[1]);
    FILE *in = fdopen(fd[0], "r");
    char line[100];
    int n = 0;
    while (fgets(line, sizeof line, in)) { n++; printf("parent got: %s", line); }
    fclose(in);
    int st;
    waitpid(pid, &st, 0);
    printf("lines: %d\n", n);
}

/* Writers of PIPE_BUF bytes never interleave; each record arrives whole. */
static void atomic(void) {
    enum { WRITERS = 4, RECORDS = 40, SIZE = 4096 };
    int fd[2];
    pipe(fd);
    fflush(stdout);
    for (int w = 0; w < WRITERS; w++) {
        if (fork() == 0) {
            close(fd[0]);
            static char rec[SIZE];
            memset(rec, 'A' + w, SIZE);
            for (int i = 0; i < RECORDS; i++) write(fd[1], rec, SIZE);
            _exit(0);
        }
    }
    close(fd[1]);
    static char rec[SIZE];
    int whole = 0, torn = 0, count[WRITERS] = {0};
    for (;;) {
        int got = 0;
        while (got < SIZE) {
            ssize_t r = read(fd[0], rec + got, SIZE - got);
            if (r <= 0) break;
            got += r;
        }
        if (got == 0) break;
        int same = 1;
        for (int i = 1; i < got; i++) same &= rec[i] == rec[0];
        if (same && got == SIZE) { whole++; count[rec[0] - 'A']++; } else torn++;
    }
    for (int w = 0; w < WRITERS; w++) wait(NULL);
    printf("atomic: %d whole records, %d torn; per writer %d %d %d %d\n", whole, torn, count[0], count[1], count[2], count[3]);
}

/* A blocking 200000-byte write goes through a 65536-byte pipe in pieces; all of it arrives. */
static void big_write(void) {
    int fd[2];
    pipe(fd);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        static char big[200000];
        for (int i = 0; i < (int) sizeof big; i++) big[i] = (char) i;
        ssize_t r = write(fd[1], big, sizeof big);
        _exit(r == (ssize_t) sizeof big ? 0 : 1);
    }
    close(fd[1]);
    static char buf[70000];
    long total = 0, sum = 0;
    ssize_t r;
    while ((r = read(fd[0], buf, sizeof buf)) > 0) {
        for (int i = 0; i < r; i++) sum += (unsigned char) buf[i];
        total += r;
    }
    int st;
    waitpid(pid, &st, 0);
    printf("big write: %ld bytes, sum %ld\n", total, sum);
    status("big writer", st);
}

/* The reader goes away while a large write is blocked: the write returns what it got in. */
static void reader_leaves(void) {
    int fd[2];
    pipe(fd);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[1]);
        char buf[1000];
        read(fd[0], buf, sizeof buf);
        _exit(0);
    }
    close(fd[0]);
    signal(SIGPIPE, SIG_IGN);
    static char big[200000];
    ssize_t r = write(fd[1], big, sizeof big);
    printf("write with the reader leaving: %s (%s)\n", r > 0 && r < (ssize_t) sizeof big ? "partial" : "other",
           r < 0 ? strerrorname_np(errno) : "no error");
    signal(SIGPIPE, SIG_DFL);
    close(fd[1]);
    waitpid(pid, NULL, 0);
}

int main(void) {
    message();
    sigpipe_default();
    sigpipe_ignored();
    redirect();
    atomic();
    big_write();
    reader_leaves();
    return 0;
}
