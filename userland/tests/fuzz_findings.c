/* fuzz_findings: calls the syscall fuzzer (userland/fuzz/sysfuzz.c) found mishandled, each with the errno or result Linux gives. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

int main(void) {
    char *page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *none = page + 4096;
    mprotect(none, 4096, PROT_NONE);

    /* getrandom: the length is unsigned (SIZE_MAX threw NegativeArraySizeException) */
    show("getrandom(NULL, SIZE_MAX, 0)", syscall(SYS_getrandom, NULL, SIZE_MAX, 0));
    show("getrandom(PROT_NONE, 2^63, 0)", syscall(SYS_getrandom, none, 1ULL << 63, 0));
    show("getrandom(buf, 0, 0)", syscall(SYS_getrandom, page, 0, 0));
    show("getrandom(buf, 16, GRND_NONBLOCK)", syscall(SYS_getrandom, page, 16, 1));

    /* mlock/munlock with a length past 2^63 (IllegalArgumentException in the VMA walk) */
    show("mlock(buf, 0xcf33d1a2b3c4d5e6)", syscall(SYS_mlock, page, 0xcf33d1a2b3c4d5e6ULL));
    show("munlock(buf, 0xcf33d1a2b3c4d5e6)", syscall(SYS_munlock, page, 0xcf33d1a2b3c4d5e6ULL));
    show("mlock(buf, 2^63)", syscall(SYS_mlock, page, 1ULL << 63));

    /* mremap shrinking an address with no mapping returned the address */
    char *gone = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(gone, 2 * 4096);
    show("mremap(unmapped, 8192, 4096, 0)", syscall(SYS_mremap, gone, 8192, 4096, 0) == (long) gone ? 0 : -1);

    /* mremap MREMAP_FIXED onto itself with old_len 2^63-1: the overlap is EINVAL before any lookup (was a NullPointerException, then EFAULT) */
    show("mremap(buf, 2^63-1, 0x3f, MAYMOVE|FIXED, buf)", syscall(SYS_mremap, page, 0x7fffffffffffffffULL, 0x3f, 3, page));

    /* ppoll with descriptors checks its signal mask's size (7 was ignored) */
    struct pollfd pfd = {fileno(stdout), POLLOUT, 0};
    struct timespec zero = {0, 0};
    sigset_t set;
    sigemptyset(&set);
    show("ppoll(stdout, 1, {0,0}, mask, 7)", syscall(SYS_ppoll, &pfd, 1, &zero, &set, 7));
    show("ppoll(stdout, 1, {0,0}, mask, 8)", syscall(SYS_ppoll, &pfd, 1, &zero, &set, 8));

    /* fcntl record locks: a range past OFFSET_MAX is EOVERFLOW (it was taken), F_GETLK wants a lock type */
    char name[64];
    snprintf(name, sizeof name, "/tmp/fuzz_findings.%d", getpid());
    int fd = open(name, O_RDWR | O_CREAT | O_TRUNC, 0600);
    unlink(name);
    struct flock huge = {F_WRLCK, SEEK_SET, INT64_MAX, INT64_MAX, 0};
    show("F_SETLK start INT64_MAX len INT64_MAX", fcntl(fd, F_SETLK, &huge));
    struct flock past = {F_RDLCK, SEEK_SET, INT64_MAX - 5, 10, 0};
    show("F_SETLK start INT64_MAX-5 len 10", fcntl(fd, F_SETLK, &past));
    show("F_GETLK start INT64_MAX-5 len 10", fcntl(fd, F_GETLK, &past));
    struct flock last = {F_WRLCK, SEEK_SET, INT64_MAX - 5, 6, 0};
    show("F_SETLK start INT64_MAX-5 len 6", fcntl(fd, F_SETLK, &last));
    struct flock cur = {F_WRLCK, SEEK_CUR, INT64_MAX, 1, 0};
    lseek(fd, 10, SEEK_SET);
    show("F_SETLK SEEK_CUR(10) start INT64_MAX", fcntl(fd, F_SETLK, &cur));
    struct flock back = {F_WRLCK, SEEK_SET, 5, -6, 0};
    show("F_SETLK start 5 len -6", fcntl(fd, F_SETLK, &back));
    int pp[2];
    pipe(pp);
    write(fd, "hello", 5);
    off_t far = INT64_MAX - 2;
    show("sendfile(pipe, file, &off INT64_MAX-2, 10)", syscall(SYS_sendfile, pp[1], fd, &far, 10));
    /* (a bad l_type with an overflowing range: Linux says EOVERFLOW, qemu-user EINVAL before the call) */
    struct flock un = {F_UNLCK, SEEK_SET, 0, 0, 0};
    show("F_GETLK type F_UNLCK", fcntl(fd, F_GETLK, &un));
    show("F_SETLK type F_UNLCK", fcntl(fd, F_SETLK, &un));
    return 0;
}
