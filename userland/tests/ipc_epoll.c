/* ipc_epoll: epoll_create1/ctl/pwait over pipes and eventfds: level, edge and one-shot items, nesting, close removing an item, the errors, and a wait woken by a child */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static void wait_show(const char *what, int ep, int timeout) {
    struct epoll_event ev[8];
    memset(ev, 0, sizeof ev);
    int n = epoll_wait(ep, ev, 8, timeout);
    show(what, n);
    for (int i = 0; i < n; i++) printf("  data %llu events %#x\n", (unsigned long long) ev[i].data.u64, ev[i].events);
}

static int add(int ep, int fd, uint32_t events, uint64_t data) {
    struct epoll_event e = {.events = events, .data.u64 = data};
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
}

int main(void) {
    show("create1 bad flags", epoll_create1(1));
    int ep = epoll_create1(EPOLL_CLOEXEC);
    show("create1", ep >= 0);
    show("FD_CLOEXEC", fcntl(ep, F_GETFD));
    int p[2];
    pipe(p);
    int efd = eventfd(0, EFD_NONBLOCK);
    struct epoll_event e = {.events = EPOLLIN, .data.u64 = 1};
    show("add pipe read end", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e));
    show("add again", epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &e));
    show("add self", epoll_ctl(ep, EPOLL_CTL_ADD, ep, &e));
    show("add bad fd", epoll_ctl(ep, EPOLL_CTL_ADD, 99, &e));
    show("ctl on non-epoll", epoll_ctl(p[1], EPOLL_CTL_ADD, p[0], &e));
    show("bad op", epoll_ctl(ep, 7, p[0], &e));
    show("mod missing", epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &e));
    show("del missing", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL));
    show("add with bad event pointer", epoll_ctl(ep, EPOLL_CTL_ADD, p[1], (void *) 16));
    int reg = open("/proc/self/exe", O_RDONLY);
    show("add regular file", epoll_ctl(ep, EPOLL_CTL_ADD, reg, &e));
    close(reg);
    int null = open("/dev/null", O_RDONLY);
    show("add /dev/null", epoll_ctl(ep, EPOLL_CTL_ADD, null, &e));
    close(null);
    show("add write end for OUT", add(ep, p[1], EPOLLOUT, 2));
    show("add eventfd edge", add(ep, efd, EPOLLIN | EPOLLET, 3));

    wait_show("wait: only the write end", ep, 0);
    write(p[1], "hello", 5);
    uint64_t one = 1;
    write(efd, &one, 8);
    wait_show("wait after writes", ep, 0);
    wait_show("wait again (level stays, edge gone)", ep, 0);
    uint64_t v;
    read(efd, &v, 8);
    write(efd, &one, 8);
    wait_show("edge after drain and write", ep, 0);
    show("mod write end to one-shot IN", epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &(struct epoll_event){.events = EPOLLOUT | EPOLLONESHOT, .data.u64 = 4}));
    wait_show("one-shot fires", ep, 0);
    wait_show("one-shot disarmed", ep, 0);
    show("del write end", epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL));
    char buf[16];
    read(p[0], buf, sizeof buf);
    wait_show("drained", ep, 0);
    wait_show("timeout 30ms", ep, 30);

    show("maxevents 0", epoll_wait(ep, &e, 0, 0));
    show("wait on non-epoll", epoll_wait(p[0], &e, 1, 0));
    show("wait bad fd", epoll_wait(77, &e, 1, 0));

    int outer = epoll_create1(0);
    show("nest", add(outer, ep, EPOLLIN, 9));
    show("loop", add(ep, outer, EPOLLIN, 10));
    write(p[1], "x", 1);
    wait_show("outer sees inner ready", outer, 0);
    read(p[0], buf, 1);

    int d = dup(p[0]);
    close(p[0]);
    write(p[1], "y", 1);
    wait_show("dup keeps the item", ep, 0);
    close(d);
    wait_show("last close drops the item", ep, 0);

    int q[2];
    pipe(q);
    add(ep, q[0], EPOLLIN | EPOLLRDHUP, 5);
    pid_t c = fork();
    if (c == 0) {
        usleep(20000);
        write(q[1], "z", 1);
        _exit(0);
    }
    wait_show("blocking wait woken by child", ep, -1);
    waitpid(c, NULL, 0);
    close(q[1]);
    read(q[0], buf, 1);
    wait_show("hang-up after writer closed", ep, 0);
    return 0;
}
