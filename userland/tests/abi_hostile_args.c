/* abi_hostile_args: hostile arguments (SIZE_MAX, 2^63, -1 fds, negative offsets, high bits above an int) get Linux's errno, never a crash or a hang. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <sys/time.h>
#include <sys/uio.h>

static volatile int alarms;
static void on_alarm(int sig) { (void) sig; alarms++; }

#define HI (1L << 32)

static void show(const char *what, long r) {
    if (r < 0 && r >= -4095) r = -1;
    printf("%-40s %ld %s\n", what, r, r == -1 ? strerrorname_np(errno) : "");
}
#define CALL(what, expr) do { errno = 0; show(what, (long) (expr)); } while (0)

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    char path[64], link[64];
    snprintf(path, sizeof path, "/tmp/hostile_%d", getpid());
    snprintf(link, sizeof link, "/tmp/hostile_l_%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    char buf[256] = "hello, hostile world";
    char *page = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    CALL("write 20", write(fd, buf, 20));
    CALL("read SIZE_MAX", syscall(SYS_read, fd, buf, SIZE_MAX));
    CALL("read 2^63", syscall(SYS_read, fd, buf, 1UL << 63));
    CALL("write SIZE_MAX", syscall(SYS_write, fd, buf, SIZE_MAX));
    CALL("read fd -1", syscall(SYS_read, -1, buf, 4));
    CALL("write fd -1", syscall(SYS_write, -1L, buf, 4));
    CALL("pread fd+2^32", syscall(SYS_pread64, HI + fd, buf, 5, 0));
    printf("read back: %.5s\n", buf);
    CALL("pread pos -1", syscall(SYS_pread64, fd, buf, 4, -1L));
    CALL("pread pos INT64_MIN", syscall(SYS_pread64, fd, buf, 4, INT64_MIN));
    CALL("pread fd -1 pos -1", syscall(SYS_pread64, -1, buf, 4, -1L));
    CALL("pwrite pos -5", syscall(SYS_pwrite64, fd, buf, 4, -5L));
    CALL("pread past EOF", syscall(SYS_pread64, fd, buf, 4, 1L << 20));
    CALL("lseek -1 SEEK_SET", syscall(SYS_lseek, fd, -1L, SEEK_SET));
    CALL("lseek 0 SEEK_END|2^32", syscall(SYS_lseek, fd, 0L, HI | SEEK_END));
    CALL("lseek whence 7", syscall(SYS_lseek, fd, 0L, 7));
    CALL("lseek -100 SEEK_CUR", syscall(SYS_lseek, fd, -100L, SEEK_CUR));
    CALL("ftruncate -1", syscall(SYS_ftruncate, fd, -1L));
    CALL("ftruncate fd -1 len -1", syscall(SYS_ftruncate, -1, -1L));
    CALL("truncate -1", syscall(SYS_truncate, path, -1L));
    CALL("ftruncate 7", syscall(SYS_ftruncate, fd, 7L));
    CALL("dup fd+2^32", syscall(SYS_dup, HI + fd));
    CALL("close -1", syscall(SYS_close, -1));
    CALL("close 2^32-1", syscall(SYS_close, 0xffffffffL));
    CALL("kill sig 0+2^32", syscall(SYS_kill, getpid(), HI));
    CALL("kill sig 65", syscall(SYS_kill, getpid(), 65));
    CALL("kill sig -1", syscall(SYS_kill, getpid(), -1));

    CALL("getrandom 16 flags 2^32", syscall(SYS_getrandom, buf, 16, HI));
    CALL("getrandom flags 8", syscall(SYS_getrandom, buf, 16, 8));
    CALL("getrandom RANDOM|INSECURE", syscall(SYS_getrandom, buf, 16, 6));
    CALL("getrandom NULL 16", syscall(SYS_getrandom, NULL, 16, 0));
    CALL("getrandom 0", syscall(SYS_getrandom, buf, 0, 0));
    CALL("getrandom SIZE_MAX", syscall(SYS_getrandom, page, SIZE_MAX, 0));

    CALL("mmap len 0", (long) syscall(SYS_mmap, 0, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -1 ? -1 : 0);
    CALL("mmap len SIZE_MAX", (long) syscall(SYS_mmap, 0, SIZE_MAX, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -1 ? -1 : 0);
    CALL("mmap len 2^63", (long) syscall(SYS_mmap, 0, 1UL << 63, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == -1 ? -1 : 0);
    CALL("mmap file fd -1", (long) syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, -1, 0) == -1 ? -1 : 0);
    CALL("mmap offset unaligned", (long) syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, fd, 1) == -1 ? -1 : 0);
    CALL("munmap SIZE_MAX", syscall(SYS_munmap, page, SIZE_MAX));
    CALL("munmap len 0", syscall(SYS_munmap, page, 0));
    CALL("munmap unaligned", syscall(SYS_munmap, page + 1, 4096));
    CALL("mprotect 2^62", syscall(SYS_mprotect, page, 1UL << 62, PROT_READ));
    CALL("mprotect unaligned", syscall(SYS_mprotect, page + 1, 4096, PROT_READ));
    CALL("madvise SIZE_MAX", syscall(SYS_madvise, page, SIZE_MAX, MADV_DONTNEED));
    CALL("madvise unaligned", syscall(SYS_madvise, page + 1, 4096, MADV_DONTNEED));
    unsigned char *vec = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CALL("mincore SIZE_MAX", syscall(SYS_mincore, page, SIZE_MAX, vec));
    CALL("mincore 4096", syscall(SYS_mincore, page, 4096, vec));


    /* The kernel's old internal markers (Long.MIN_VALUE, + 1) as a mremap target: a failure, not a hang. */
    char *m = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long r = syscall(SYS_mremap, m, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, 0x8000000000000000UL);
    printf("mremap to 2^63 fails: %d\n", r == -1);
    r = syscall(SYS_mremap, m, 4096, 4096, MREMAP_MAYMOVE | MREMAP_FIXED, 0x8000000000000001UL);
    printf("mremap to 2^63+1 fails: %d\n", r == -1);

    int d = open("/tmp", O_RDONLY | O_DIRECTORY);
    CALL("getdents64 count 1", syscall(SYS_getdents64, d, buf, 1));
    CALL("getdents64 fd -1", syscall(SYS_getdents64, -1, buf, 256));
    CALL("getdents64 not a dir", syscall(SYS_getdents64, fd, buf, 256));
    CALL("symlink", symlink("abc", link));
    CALL("readlinkat bufsiz 0", syscall(SYS_readlinkat, AT_FDCWD, link, buf, 0));
    CALL("readlinkat bufsiz 2", syscall(SYS_readlinkat, AT_FDCWD, link, buf, 2));
    CALL("readlinkat not a link", syscall(SYS_readlinkat, AT_FDCWD, path, buf, 16));
    CALL("getcwd size 1", syscall(SYS_getcwd, buf, 1));
    CALL("getcwd NULL", syscall(SYS_getcwd, NULL, 256));
    CALL("openat fd -1 relative", syscall(SYS_openat, -1, "x", O_RDONLY));
    CALL("openat AT_FDCWD+2^32 abs", syscall(SYS_openat, HI + AT_FDCWD, path, O_RDONLY) >= 0);
    CALL("fcntl F_GETFD fd+2^32", syscall(SYS_fcntl, HI + fd, F_GETFD));
    CALL("readv count SIZE_MAX", syscall(SYS_readv, fd, buf, SIZE_MAX));
    CALL("readv count 1025", syscall(SYS_readv, fd, buf, 1025));
    struct iovec iov = {buf, 4};
    CALL("preadv pos -1", syscall(SYS_preadv, fd, &iov, 1, -1L, 0));
    CALL("preadv count 2^32+1", syscall(SYS_preadv, fd, &iov, HI + 1, 0L, 0));

    /* Restart policy: with SA_RESTART a handler still ends a sleep or a ppoll with EINTR. */
    struct sigaction sa = {0};
    sa.sa_handler = on_alarm;
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = {{0, 0}, {0, 10000}};
    struct timespec sec = {1, 0};
    setitimer(ITIMER_REAL, &it, NULL);
    CALL("nanosleep under SA_RESTART", syscall(SYS_nanosleep, &sec, NULL));
    setitimer(ITIMER_REAL, &it, NULL);
    CALL("ppoll under SA_RESTART", syscall(SYS_ppoll, NULL, 0, &sec, NULL, 8));
    printf("alarms: %d\n", alarms);
    unlink(link);
    unlink(path);
    return 0;
}
