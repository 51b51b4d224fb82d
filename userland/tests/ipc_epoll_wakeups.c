/* ipc_epoll_wakeups: a wakeup queues only the epoll items that ask for its events (edge-triggered pipe ends and eventfds), a pipe read tells the writers only when the pipe was full, and EPOLLEXCLUSIVE wakes one waiter per event (a pipe's data, an AF_UNIX listener's connection) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

/* Waits without blocking and prints what came: the count, then each item's cookie and events. */
static void wait_show(const char *what, int ep, int max) {
    struct epoll_event ev[8];
    memset(ev, 0, sizeof ev);
    int n = epoll_wait(ep, ev, max, 0);
    show(what, n);
    for (int i = 0; i < n; i++) printf("  data %llu events %#x\n", (unsigned long long) ev[i].data.u64, ev[i].events);
}

static int add(int ep, int fd, uint32_t events, uint64_t data) {
    struct epoll_event e = {.events = events, .data.u64 = data};
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
}

/* LTP's epoll_wait06: both ends of a one-page pipe, edge-triggered. */
static void pipe_ends(void) {
    char buf[4096];
    int p[2];
    pipe2(p, O_NONBLOCK);
    show("F_SETPIPE_SZ 4096", fcntl(p[1], F_SETPIPE_SZ, 4096));
    int ep = epoll_create1(0);
    add(ep, p[0], EPOLLIN | EPOLLET, 10);
    add(ep, p[1], EPOLLOUT | EPOLLET, 11);
    memset(buf, 'a', sizeof buf);
    show("fill the pipe", write(p[1], buf, sizeof buf));
    show("write to a full pipe", write(p[1], buf, sizeof buf));
    wait_show("ET: the read end only (the write end is full)", ep, 1);
    show("read half", read(p[0], buf, 2048));
    wait_show("ET: a read of a full pipe queues the write end, still full", ep, 8);
    show("read the rest", read(p[0], buf, 2048));
    wait_show("ET: the write end after the last read", ep, 8);
    show("write 100", write(p[1], buf, 100));
    wait_show("ET: a write queues the read end, not the write end", ep, 8);
    show("read 10 of a pipe not full", read(p[0], buf, 10));
    wait_show("ET: a read of a pipe not full tells no one", ep, 8);
    show("write 1 more", write(p[1], buf, 1));
    wait_show("ET: the read end again", ep, 8);
    close(ep);
    close(p[0]);
    close(p[1]);

    /* Level-triggered: a read of a pipe that was full queues the write end once it is writable. */
    pipe2(p, O_NONBLOCK);
    fcntl(p[1], F_SETPIPE_SZ, 4096);
    ep = epoll_create1(0);
    add(ep, p[1], EPOLLOUT, 20);
    write(p[1], buf, sizeof buf);
    wait_show("LT: the full write end", ep, 8);
    read(p[0], buf, sizeof buf);
    wait_show("LT: writable again", ep, 8);
    wait_show("LT: still", ep, 8);
    close(ep);
    close(p[0]);
    close(p[1]);
}

/* An eventfd has one wait queue for both directions: the wakeup's events tell them apart. */
static void eventfds(void) {
    uint64_t one = 1, v;
    int efd = eventfd(0, EFD_NONBLOCK | EFD_SEMAPHORE);
    int in = epoll_create1(0), both = epoll_create1(0);
    add(in, efd, EPOLLIN | EPOLLET, 30);
    add(both, efd, EPOLLIN | EPOLLOUT | EPOLLET, 31);
    wait_show("eventfd ET IN: nothing yet", in, 8);
    wait_show("eventfd ET IN|OUT: writable", both, 8);
    write(efd, &one, 8);
    write(efd, &one, 8);
    wait_show("eventfd ET IN after writes", in, 8);
    wait_show("eventfd ET IN|OUT after writes", both, 8);
    show("read one (semaphore)", read(efd, &v, 8));
    wait_show("eventfd ET IN after a read (an OUT wakeup)", in, 8);
    wait_show("eventfd ET IN|OUT after a read", both, 8);
    uint64_t zero = 0;
    show("write 0", write(efd, &zero, 8));
    wait_show("eventfd ET IN after writing 0", in, 8);
    close(in);
    close(both);
    close(efd);
}

/* EPOLLEXCLUSIVE items whose epolls have no waiter are all queued: no waiter was woken. */
static void exclusive_without_waiters(void) {
    int p[2];
    pipe2(p, O_NONBLOCK);
    int a = epoll_create1(0), b = epoll_create1(0), c = epoll_create1(0);
    show("exclusive add a", add(a, p[0], EPOLLIN | EPOLLEXCLUSIVE, 40));
    show("exclusive add b", add(b, p[0], EPOLLIN | EPOLLET | EPOLLEXCLUSIVE, 41));
    show("plain add c", add(c, p[0], EPOLLIN | EPOLLET, 42));
    show("exclusive with ONESHOT", add(c, p[1], EPOLLOUT | EPOLLEXCLUSIVE | EPOLLONESHOT, 43));
    show("exclusive MOD", epoll_ctl(a, EPOLL_CTL_MOD, p[0], &(struct epoll_event){.events = EPOLLIN}));
    write(p[1], "x", 1);
    wait_show("exclusive a", a, 8);
    wait_show("exclusive b", b, 8);
    wait_show("plain c", c, 8);
    close(a);
    close(b);
    close(c);
    close(p[0]);
    close(p[1]);
}

static char state_of(pid_t pid) {
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", pid);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return '?';
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    if (n <= 0) return '?';
    buf[n] = 0;
    char *r = strrchr(buf, ')');
    return r && r[1] == ' ' ? r[2] : '?';
}

/* LTP's epoll_wait16: one pipe, four children each blocked in its own epoll on an exclusive item. */
#define WAITERS 4
static void exclusive_waiters(void) {
    int p[2], done[2];
    pipe(p);
    pipe(done);
    volatile int *woken = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid_t kids[WAITERS];
    for (int i = 0; i < WAITERS; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            int ep = epoll_create1(0);
            add(ep, p[0], EPOLLIN | EPOLLET | EPOLLEXCLUSIVE, 50);
            struct epoll_event ev;
            int n = epoll_wait(ep, &ev, 1, 20000);
            if (n == 1) __atomic_add_fetch(woken, 1, __ATOMIC_SEQ_CST);
            write(done[1], n == 1 ? "1" : "0", 1);
            _exit(0);
        }
    }
    for (int i = 0; i < WAITERS; i++)
        while (state_of(kids[i]) != 'S') usleep(1000);
    /* where a waiter sleeps (a qemu thread may pass through other waits first: a few looks) */
    int in_epoll = 0;
    for (int tries = 0; tries < 200 && !in_epoll; tries++) {
        char path[64], w[64] = "";
        snprintf(path, sizeof path, "/proc/%d/wchan", kids[0]);
        FILE *f = fopen(path, "r");
        if (f) {
            size_t n = fread(w, 1, sizeof w - 1, f);
            w[n] = 0;
            fclose(f);
        }
        in_epoll = strcmp(w, "do_epoll_wait") == 0;
        if (!in_epoll) usleep(1000);
    }
    printf("a waiter's wchan: do_epoll_wait %d\n", in_epoll);
    int good = 1;
    for (int round = 0; round < WAITERS; round++) {
        char c;
        write(p[1], "x", 1);
        read(done[0], &c, 1);
        int n = __atomic_load_n(woken, __ATOMIC_SEQ_CST);
        printf("round %d: the waiter got the event: %c, woken in all %d\n", round + 1, c, n);
        if (n != round + 1) good = 0;
        read(p[0], &c, 1);
    }
    for (int i = 0; i < WAITERS; i++) waitpid(kids[i], NULL, 0);
    printf("each event woke exactly one waiter: %d\n", good);
}

/* The same with an AF_UNIX listener (nginx's case): each connection wakes one of the waiters; the parent accepts it. */
static void exclusive_listeners(void) {
    struct sockaddr_un sa = {.sun_family = AF_UNIX};
    snprintf(sa.sun_path, sizeof sa.sun_path, "/tmp/epoll_excl_%d", getpid());
    unlink(sa.sun_path);
    int l = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    bind(l, (struct sockaddr *) &sa, sizeof sa);
    listen(l, 16);
    int done[2];
    pipe(done);
    volatile int *woken = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid_t kids[WAITERS];
    for (int i = 0; i < WAITERS; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            int ep = epoll_create1(0);
            add(ep, l, EPOLLIN | EPOLLET | EPOLLEXCLUSIVE, 60);
            struct epoll_event ev;
            int n = epoll_wait(ep, &ev, 1, 20000);
            if (n == 1) __atomic_add_fetch(woken, 1, __ATOMIC_SEQ_CST);
            write(done[1], n == 1 ? "1" : "0", 1);
            _exit(0);
        }
    }
    for (int i = 0; i < WAITERS; i++)
        while (state_of(kids[i]) != 'S') usleep(1000);
    int good = 1, conns[WAITERS];
    for (int round = 0; round < WAITERS; round++) {
        char c;
        conns[round] = socket(AF_UNIX, SOCK_STREAM, 0);
        connect(conns[round], (struct sockaddr *) &sa, sizeof sa);
        read(done[0], &c, 1);
        int n = __atomic_load_n(woken, __ATOMIC_SEQ_CST);
        printf("connection %d: a waiter got the event: %c, woken in all %d\n", round + 1, c, n);
        if (n != round + 1) good = 0;
        int a = accept4(l, NULL, NULL, SOCK_NONBLOCK);
        printf("  accepted: %d\n", a >= 0);
        if (a >= 0) close(a);
    }
    for (int i = 0; i < WAITERS; i++) waitpid(kids[i], NULL, 0);
    for (int i = 0; i < WAITERS; i++) close(conns[i]);
    close(l);
    unlink(sa.sun_path);
    printf("each connection woke exactly one waiter: %d\n", good);
}

int main(void) {
    pipe_ends();
    eventfds();
    exclusive_without_waiters();
    exclusive_waiters();
    exclusive_listeners();
    return 0;
}
