/* syscalls_errno: error returns and errno of common system calls with bad arguments (EBADF, EFAULT, EINVAL, ENOENT, ESPIPE, ENOTDIR, EISDIR, ERANGE...), via libc and raw syscall(). */
#define _GNU_SOURCE
#include <stdio.h>
#include <signal.h>

#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <termios.h>

static int ioctl_dummy(int fd) { struct termios t; return ioctl(fd, TCGETS, &t); }

#define SHOW(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; printf("%-48s = %ld %s\n", #expr, r_, r_ < 0 ? strerrorname(e_) : ""); } while (0)

static const char *strerrorname(int e)
{
    switch (e) {
#define E(x) case x: return #x;
    E(EPERM) E(ENOENT) E(EBADF) E(EFAULT) E(EINVAL) E(ESPIPE) E(ENOTDIR) E(EISDIR) E(ERANGE) E(ENOSYS) E(EEXIST) E(EACCES)
    E(ENOMEM) E(EAGAIN) E(ENOTTY) E(EMFILE) E(ENAMETOOLONG) E(ECHILD) E(ESRCH) E(ENOTEMPTY) E(EXDEV) E(ELOOP) E(ENXIO)
    }
    static char b[16]; snprintf(b, sizeof b, "errno %d", e); return b;
}

int main(void)
{
    char buf[16];
    int p[2] = {-1, -1};
    SHOW(close(-1));
    SHOW(close(1000));
    SHOW(read(77, buf, 1));
    SHOW(write(77, buf, 1));
    SHOW(write(1, (void *)8, 5));
    SHOW(open("/nonexistent/file", O_RDONLY));
    SHOW(open("", O_RDONLY));
    SHOW(open((const char *)16, O_RDONLY));
    SHOW(pipe(p));
    SHOW(lseek(p[0], 0, SEEK_SET));
    SHOW(write(p[0], "x", 1));
    SHOW(read(p[1], buf, 1));
    SHOW(ioctl_dummy(0));
    SHOW(fcntl(99, F_GETFD));
    SHOW(dup2(99, 5));
    SHOW(dup3(1, 1, 0));
    SHOW(syscall(SYS_dup3, 2, 2, 0));
    SHOW(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0);
    SHOW(mmap(NULL, 4096, PROT_READ, MAP_ANONYMOUS, -1, 0) == MAP_FAILED ? -1 : 0);
    SHOW(mmap((void *)4097, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED ? -1 : 0);
    SHOW(mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 99, 0) == MAP_FAILED ? -1 : 0);
    SHOW(munmap((void *)4097, 4096));
    SHOW(mprotect((void *)4097, 4096, PROT_READ));
    SHOW(chdir("/nonexistent"));
    SHOW(getcwd(buf, 1) == NULL ? -1 : 0);
    SHOW(mkdir("/", 0755));
    SHOW(rmdir("/nonexistent-dir"));
    SHOW(unlink("/nonexistent-file"));
    SHOW(syscall(SYS_openat, AT_FDCWD, "/dev/null/x", O_RDONLY));
    SHOW(syscall(5000));
    SHOW(syscall(SYS_getcwd, buf, 0));
    SHOW(kill(1 << 30, 0));
    SHOW(syscall(SYS_wait4, -1, NULL, 0, NULL));
    return 0;
}
