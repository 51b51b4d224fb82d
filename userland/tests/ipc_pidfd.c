/* ipc_pidfd: pidfd_open, poll and epoll on a pidfd (readable at exit), pidfd_send_signal (with and without a siginfo), waitid(P_PIDFD) blocking and with PIDFD_NONBLOCK, pidfd_getfd, and the errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef PIDFD_NONBLOCK
#define PIDFD_NONBLOCK O_NONBLOCK
#endif
#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static int pidfd_open(pid_t pid, unsigned flags) { return syscall(SYS_pidfd_open, pid, flags); }
static int send_sig(int fd, int sig, siginfo_t *info, unsigned flags) { return syscall(SYS_pidfd_send_signal, fd, sig, info, flags); }
static int getfd(int fd, int target, unsigned flags) { return syscall(SYS_pidfd_getfd, fd, target, flags); }

static volatile sig_atomic_t got_value;
static void on_usr1(int sig, siginfo_t *si, void *uc) { (void) sig; (void) uc; got_value = si->si_value.sival_int; }

static volatile pid_t thread_tid;
static void *idle(void *arg) { (void) arg; thread_tid = gettid(); pause(); return NULL; }

static pid_t child_sleeping(void) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) { for (;;) pause(); }
    return pid;
}

int main(void) {
    int self = pidfd_open(getpid(), 0);
    show("pidfd_open self", self >= 0);
    show("FD_CLOEXEC", fcntl(self, F_GETFD));
    char link[64] = {0}, path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", self);
    readlink(path, link, sizeof link - 1);
    printf("link: %s\n", link);
    char b[8];
    show("read", read(self, b, sizeof b));
    struct pollfd p = {self, POLLIN, 0};
    show("poll self", poll(&p, 1, 0));

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    siginfo_t si;
    memset(&si, 0, sizeof si);
    si.si_signo = SIGUSR1;
    si.si_code = SI_QUEUE;
    si.si_value.sival_int = 31;
    show("send to self with siginfo", send_sig(self, SIGUSR1, &si, 0));
    printf("handler saw value %d\n", got_value);
    show("signal 0", send_sig(self, 0, NULL, 0));
    show("signal 99", send_sig(self, 99, NULL, 0));
    show("flags 99", send_sig(self, SIGUSR1, NULL, 99));
    show("siginfo for another signal", send_sig(self, SIGUSR2, &si, 0));
    show("bad siginfo pointer", send_sig(self, SIGUSR1, (siginfo_t *) 8, 0));
    show("not a pidfd", send_sig(0, SIGUSR1, NULL, 0));
    show("bad fd", send_sig(99, SIGUSR1, NULL, 0));

    pid_t pid = child_sleeping();
    int pfd = pidfd_open(pid, 0);
    show("pidfd_open child", pfd >= 0);
    p.fd = pfd;
    show("poll running child", poll(&p, 1, 0));
    int nb = pidfd_open(pid, PIDFD_NONBLOCK);
    siginfo_t wi;
    show("waitid P_PIDFD nonblocking, running", waitid(P_PIDFD, nb, &wi, WEXITED));
    si.si_code = SI_USER;
    si.si_signo = SIGTERM;
    show("SI_USER siginfo to another", send_sig(pfd, SIGTERM, &si, 0));
    show("SIGTERM through the pidfd", send_sig(pfd, SIGTERM, NULL, 0));
    show("poll until it exits", poll(&p, 1, 5000));
    printf("revents %#x\n", p.revents);
    show("signal a zombie", send_sig(pfd, SIGTERM, NULL, 0));
    memset(&wi, 0, sizeof wi);
    show("waitid P_PIDFD", waitid(P_PIDFD, pfd, &wi, WEXITED));
    printf("child %d code %d status %d\n", wi.si_pid == pid, wi.si_code, wi.si_status);
    show("poll reaped", poll(&p, 1, 0));
    printf("revents %#x\n", p.revents);
    show("signal a reaped process", send_sig(pfd, SIGTERM, NULL, 0));
    show("waitid again", waitid(P_PIDFD, pfd, &wi, WEXITED));
    show("waitid P_PIDFD of no pidfd", waitid(P_PIDFD, 0, &wi, WEXITED));

    /* epoll sees an exit. */
    pid = child_sleeping();
    pfd = pidfd_open(pid, 0);
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN, {.u32 = 7}}, out;
    epoll_ctl(ep, EPOLL_CTL_ADD, pfd, &ev);
    show("epoll, running", epoll_wait(ep, &out, 1, 0));
    kill(pid, SIGKILL);
    show("epoll, killed", epoll_wait(ep, &out, 1, 5000));
    printf("events %#x data %u\n", out.events, out.data.u32);
    waitpid(pid, NULL, 0);

    /* pidfd_getfd: a child's descriptor. */
    int pipefd[2];
    pipe(pipefd);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        char name[64];
        snprintf(name, sizeof name, "/tmp/pidfd-%d", (int) getpid());
        int fd = open(name, O_CREAT | O_TRUNC | O_RDWR, 0600);
        unlink(name);
        write(fd, "the child's file", 16);
        write(pipefd[1], &fd, sizeof fd);
        for (;;) pause();
    }
    int childfd;
    read(pipefd[0], &childfd, sizeof childfd);
    pfd = pidfd_open(pid, 0);
    int mine = getfd(pfd, childfd, 0);
    show("pidfd_getfd", mine >= 0);
    show("its FD_CLOEXEC", fcntl(mine, F_GETFD));
    char text[32] = {0};
    show("pread", pread(mine, text, sizeof text - 1, 0));
    printf("text: %s\n", text);
    printf("offset shared: %ld\n", (long) lseek(mine, 0, SEEK_CUR));
    show("getfd of no fd", getfd(pfd, 99, 0));
    show("getfd flags 1", getfd(pfd, childfd, 1));
    show("getfd not a pidfd", getfd(0, 0, 0));
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    show("getfd of a reaped process", getfd(pfd, childfd, 0));

    /* pidfd_open errors. */
    show("flags 1", pidfd_open(getpid(), 1));
    show("pid 0", pidfd_open(0, 0));
    show("pid -1", pidfd_open(-1, 0));
    show("no such pid", pidfd_open(4000000, 0));
    pthread_t th;
    pthread_create(&th, NULL, idle, NULL);
    for (int i = 0; i < 2000 && !thread_tid; i++) usleep(1000);
    show("pidfd_open of a thread", pidfd_open(thread_tid, 0));
    return 0;
}
