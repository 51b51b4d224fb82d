/* ipc_signalfd: signalfd4 reading blocked signals as signalfd_siginfo (kill, tgkill, sigqueue values, SIGCHLD, a POSIX timer's), poll and epoll on it, a child's blocking read, changing the mask, and the errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static void print_info(const char *what, struct signalfd_siginfo *s, pid_t from) {
    printf("%s: signo %u code %d from %d uid ok %d int %d\n", what, s->ssi_signo, s->ssi_code,
           (pid_t) s->ssi_pid == from, s->ssi_uid == getuid(), s->ssi_int);
}

int main(void) {
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    sigaddset(&mask, SIGUSR2);
    sigaddset(&mask, SIGRTMIN);
    sigaddset(&mask, SIGCHLD);
    sigaddset(&mask, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &mask, NULL);

    int sfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);
    show("signalfd", sfd >= 0);
    show("FD_CLOEXEC", fcntl(sfd, F_GETFD));
    show("O_NONBLOCK", (fcntl(sfd, F_GETFL) & O_NONBLOCK) != 0);
    char link[64] = {0};
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", sfd);
    readlink(path, link, sizeof link - 1);
    printf("link: %s\n", link);
    struct signalfd_siginfo si[4];
    show("read, nothing pending", read(sfd, si, sizeof si));
    show("read, 100 bytes", read(sfd, si, 100));
    show("write", write(sfd, si, sizeof si[0]));
    struct pollfd p = {sfd, POLLIN, 0};
    show("poll, nothing pending", poll(&p, 1, 0));

    raise(SIGUSR2);
    kill(getpid(), SIGUSR1);
    sigqueue(getpid(), SIGRTMIN, (union sigval) {.sival_int = 77});
    sigqueue(getpid(), SIGRTMIN, (union sigval) {.sival_int = 78});
    show("poll, pending", poll(&p, 1, 0));
    printf("revents %#x\n", p.revents);
    long n = read(sfd, si, sizeof si);
    show("read four", n);
    for (int i = 0; i < n / (long) sizeof si[0]; i++) print_info("  got", &si[i], getpid());
    show("read again", read(sfd, si, sizeof si));

    /* A child's blocking read of the inherited signalfd reads the child's signals. */
    int flags = fcntl(sfd, F_GETFL);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        fcntl(sfd, F_SETFL, flags & ~O_NONBLOCK);
        struct signalfd_siginfo c;
        long r = read(sfd, &c, sizeof c);
        printf("child read %ld signo %u from parent %d\n", r, c.ssi_signo, (pid_t) c.ssi_pid == getppid());
        fflush(stdout);
        _exit(3);
    }
    char st_path[64], buf[256];
    snprintf(st_path, sizeof st_path, "/proc/%d/stat", (int) pid);
    for (int i = 0; i < 2000; i++) {
        FILE *f = fopen(st_path, "r");
        char *s = f && fgets(buf, sizeof buf, f) ? strrchr(buf, ')') : NULL;
        if (f) fclose(f);
        if (s && s[2] == 'S') break;
        usleep(1000);
    }
    kill(pid, SIGUSR1);
    int st;
    waitpid(pid, &st, 0);
    fcntl(sfd, F_SETFL, flags);   /* the child cleared O_NONBLOCK on the description both share */
    n = read(sfd, si, sizeof si);
    show("SIGCHLD read", n);
    printf("SIGCHLD: signo %u code %d child %d status %d\n", si[0].ssi_signo, si[0].ssi_code, (pid_t) si[0].ssi_pid == pid, si[0].ssi_status);

    /* epoll on it. */
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN, {.fd = sfd}}, out[2];
    epoll_ctl(ep, EPOLL_CTL_ADD, sfd, &ev);
    show("epoll_wait, none", epoll_wait(ep, out, 2, 0));
    kill(getpid(), SIGUSR2);
    show("epoll_wait, one", epoll_wait(ep, out, 2, 0));
    printf("events %#x fd ok %d\n", out[0].events, out[0].data.fd == sfd);
    read(sfd, si, sizeof si);

    /* A new mask: SIGUSR1 no more. */
    sigset_t only2;
    sigemptyset(&only2);
    sigaddset(&only2, SIGUSR2);
    sigaddset(&only2, SIGKILL);
    show("new mask returns the fd", signalfd(sfd, &only2, 0) == sfd);
    kill(getpid(), SIGUSR1);
    show("SIGUSR1 now unread", read(sfd, si, sizeof si));
    sigset_t pend;
    sigpending(&pend);
    printf("still pending: %d\n", sigismember(&pend, SIGUSR1));
    siginfo_t wi;
    sigwaitinfo(&mask, &wi);
    signalfd(sfd, &mask, 0);

    /* A POSIX timer's signal. */
    struct sigevent sev;
    memset(&sev, 0, sizeof sev);
    sev.sigev_notify = SIGEV_SIGNAL;
    sev.sigev_signo = SIGRTMIN + 1;
    sev.sigev_value.sival_int = 55;
    timer_t tid;
    timer_create(CLOCK_MONOTONIC, &sev, &tid);
    struct itimerspec its = {{0, 2000000}, {0, 2000000}};
    timer_settime(tid, 0, &its, NULL);
    struct timespec nap = {0, 30000000};
    nanosleep(&nap, NULL);
    n = read(sfd, si, sizeof si);
    printf("timer: read %ld signo %d code %d int %d overrun > 3 %d\n", n, si[0].ssi_signo == (unsigned) SIGRTMIN + 1, si[0].ssi_code, si[0].ssi_int, si[0].ssi_overrun > 3);
    timer_delete(tid);

    /* Errors. */
    show("bad flags", signalfd(-1, &mask, 1));
    /* A sigset size other than 8 is EINVAL on Linux; qemu-user ignores the size, so it is not asked here. */
    show("bad mask pointer", syscall(SYS_signalfd4, -1, (void *) 8, 8, 0));
    show("not a signalfd", signalfd(0, &mask, 0));
    show("bad fd", signalfd(99, &mask, 0));
    show("epoll fd", signalfd(ep, &mask, 0));
    return 0;
}
