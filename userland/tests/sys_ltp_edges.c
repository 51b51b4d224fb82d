/* sys_ltp_edges: corners LTP checks: gettimeofday's tz pointer, SA_RESETHAND keeping flags and mask, F_GETLK's answer when nothing conflicts, dup3(fd, fd) before EBADF, fadvise64, O_PATH descriptors to socket and epoll calls, inet socket protocol checks, EFAULT for a shared futex on an inaccessible word */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

static void handler(int sig, siginfo_t *si, void *uc) { (void) sig; (void) si; (void) uc; }

int main(void) {
    struct timeval tv;
    struct timezone tz = {123, 456};
    long r = syscall(SYS_gettimeofday, &tv, &tz);
    printf("gettimeofday: %ld tz %d %d\n", r, tz.tz_minuteswest, tz.tz_dsttime);
    r = syscall(SYS_gettimeofday, &tv, (void *) 8);
    printf("bad tz: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_gettimeofday, (void *) 8, NULL);
    printf("bad tv: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_gettimeofday, NULL, NULL);
    printf("both NULL: %ld\n", r);

    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
    sigaddset(&sa.sa_mask, SIGUSR2);
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &old);
    printf("after delivery: handler default %d SA_SIGINFO %d SA_RESETHAND %d mask has USR2 %d\n",
           old.sa_handler == SIG_DFL, !!(old.sa_flags & SA_SIGINFO), !!(old.sa_flags & SA_RESETHAND),
           sigismember(&old.sa_mask, SIGUSR2));

    char path[64];
    snprintf(path, sizeof path, "/tmp/ltp_edges_%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT, 0600);
    write(fd, "0123456789", 10);
    lseek(fd, 4, SEEK_SET);
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_CUR, .l_start = 1, .l_len = 3, .l_pid = 4242};
    r = fcntl(fd, F_GETLK, &fl);
    printf("F_GETLK free: %ld type %d whence %d start %lld len %lld pid kept %d\n", r, fl.l_type, fl.l_whence,
           (long long) fl.l_start, (long long) fl.l_len, fl.l_pid == 4242);
    fl = (struct flock){.l_type = F_RDLCK, .l_whence = SEEK_SET, .l_start = 2, .l_len = 0};
    fcntl(fd, F_GETLK, &fl);
    printf("F_GETLK to EOF: type %d start %lld len %lld\n", fl.l_type, (long long) fl.l_start, (long long) fl.l_len);
    r = dup3(40, 40, O_CLOEXEC);
    printf("dup3(40, 40) on a closed fd: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    printf("fadvise normal: %d\n", posix_fadvise(fd, 0, 100, POSIX_FADV_NORMAL));
    printf("fadvise bad advice: %s\n", strerrorname_np(posix_fadvise(fd, 0, 100, 77)));
    printf("fadvise negative len: %s\n", strerrorname_np(posix_fadvise(fd, 0, -1, POSIX_FADV_NORMAL)));
    printf("fadvise bad fd: %s\n", strerrorname_np(posix_fadvise(77, 0, 0, POSIX_FADV_NORMAL)));
    int p[2];
    pipe(p);
    printf("fadvise pipe: %s\n", strerrorname_np(posix_fadvise(p[0], 0, 0, POSIX_FADV_NORMAL)));
    int op = open(path, O_PATH);
    r = accept(op, NULL, NULL);
    printf("accept on O_PATH: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = fchmod(op, 0644);
    printf("fchmod on O_PATH: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = ioctl(op, FIONREAD, &r);
    printf("ioctl on O_PATH: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, op, 0);
    printf("mmap of O_PATH: %s\n", m == MAP_FAILED ? strerrorname_np(errno) : "mapped");
    int ep = epoll_create1(0);
    struct epoll_event ev = {EPOLLIN, {0}};
    r = epoll_ctl(ep, EPOLL_CTL_ADD, op, &ev);
    printf("epoll_ctl on O_PATH: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = socket(AF_INET, SOCK_DGRAM, 6);
    printf("socket(AF_INET, SOCK_DGRAM, TCP): %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = socket(AF_INET, SOCK_STREAM, 1);
    printf("socket(AF_INET, SOCK_STREAM, ICMP): %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    void *hole = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    r = syscall(SYS_futex, hole, 1 /* FUTEX_WAKE */, 1, NULL, NULL, 0);
    printf("shared FUTEX_WAKE on PROT_NONE: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    r = syscall(SYS_futex, hole, 1 | 128 /* FUTEX_PRIVATE_FLAG */, 1, NULL, NULL, 0);
    printf("private FUTEX_WAKE on PROT_NONE: %ld\n", r);
    int word = 0;
    r = syscall(SYS_futex, &word, 4 /* FUTEX_CMP_REQUEUE */, 1, (void *) 1, hole, 0);
    printf("shared FUTEX_CMP_REQUEUE to PROT_NONE: %ld %s\n", r, r < 0 ? strerrorname_np(errno) : "");
    unlink(path);
    return 0;
}
