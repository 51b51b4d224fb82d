/* clone_pidfd_native: clone and clone3 with CLONE_PIDFD (the parent's close-on-exec pidfd, readable at the child's exit, waitid(P_PIDFD)) and their errnos; checked against the native build: qemu-user 7.2 refuses CLONE_PIDFD */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/sched.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef P_PIDFD
#define P_PIDFD 3
#endif

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static void check(const char *what, int pfd, int code) {
    printf("%s: pidfd %d FD_CLOEXEC %d\n", what, pfd >= 3, fcntl(pfd, F_GETFD));
    struct pollfd p = {pfd, POLLIN, 0};
    show("  poll", poll(&p, 1, 5000));
    siginfo_t si;
    memset(&si, 0, sizeof si);
    show("  waitid P_PIDFD", waitid(P_PIDFD, pfd, &si, WEXITED));
    printf("  code %d status %d (want %d)\n", si.si_code, si.si_status, code);
    close(pfd);
}

int main(void) {
    int pfd = -1;
    fflush(stdout);
    long r = syscall(SYS_clone, CLONE_PIDFD | SIGCHLD, 0, &pfd, 0, 0);
    if (r == 0) syscall(SYS_exit_group, 5);
    show("clone CLONE_PIDFD", r > 0);
    if (r > 0) check("clone", pfd, 5);

    struct clone_args ca;
    memset(&ca, 0, sizeof ca);
    pfd = -1;
    ca.flags = CLONE_PIDFD;
    ca.pidfd = (uintptr_t) &pfd;
    ca.exit_signal = SIGCHLD;
    fflush(stdout);
    r = syscall(SYS_clone3, &ca, sizeof ca);
    if (r == 0) syscall(SYS_exit_group, 6);
    show("clone3 CLONE_PIDFD", r > 0);
    if (r > 0) check("clone3", pfd, 6);

    show("with CLONE_PARENT_SETTID", syscall(SYS_clone, CLONE_PIDFD | CLONE_PARENT_SETTID | SIGCHLD, 0, &pfd, 0, 0));
    show("with CLONE_DETACHED", syscall(SYS_clone, CLONE_PIDFD | CLONE_DETACHED | SIGCHLD, 0, &pfd, 0, 0));
    ca.pidfd = 8;
    show("clone3, bad pidfd pointer", syscall(SYS_clone3, &ca, sizeof ca));
    show("no child left", wait(NULL));
    return 0;
}
