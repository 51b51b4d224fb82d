/* proc_badargs: Bad arguments to the process, signal and futex calls come back as errors (EFAULT,
 * EINVAL, ESRCH, ECHILD), never as a crash of the machine. Left out because qemu-user differs
 * from Linux: nanosleep with a bad pointer (Linux EFAULT, qemu EINVAL) and clone3 (qemu 7.2 has
 * none: ENOSYS).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#define BAD ((void *)16)

static void show(const char *what, long r) {
    printf("%-34s %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : "");
    errno = 0;
}

int main(void) {
    show("rt_sigaction bad act", syscall(SYS_rt_sigaction, SIGUSR1, BAD, 0, 8));
    show("rt_sigaction bad old", syscall(SYS_rt_sigaction, SIGUSR1, 0, BAD, 8));
    show("rt_sigaction size 4", syscall(SYS_rt_sigaction, SIGUSR1, 0, 0, 4));
    show("rt_sigaction signal 0", syscall(SYS_rt_sigaction, 0, 0, 0, 8));
    show("rt_sigaction signal 65", syscall(SYS_rt_sigaction, 65, 0, 0, 8));
    show("rt_sigprocmask bad set", syscall(SYS_rt_sigprocmask, SIG_BLOCK, BAD, 0, 8));
    show("rt_sigprocmask bad how", syscall(SYS_rt_sigprocmask, 7, (sigset_t[]){{{0}}}, 0, 8));
    show("rt_sigpending bad", syscall(SYS_rt_sigpending, BAD, 8));
    show("rt_sigsuspend bad", syscall(SYS_rt_sigsuspend, BAD, 8));
    show("sigaltstack bad", syscall(SYS_sigaltstack, BAD, 0));
    stack_t small = {.ss_sp = (void *)0x1000, .ss_size = 100, .ss_flags = 0};
    show("sigaltstack too small", syscall(SYS_sigaltstack, &small, 0));
    show("kill no such pid", kill(999999, SIGUSR1));
    show("kill bad signal", kill(getpid(), 100));
    show("kill signal 0 to self", kill(getpid(), 0));
    show("tgkill wrong group", syscall(SYS_tgkill, getpid() + 12345, getpid(), 0));
    show("tgkill tid 0", syscall(SYS_tgkill, getpid(), 0, 0));
    int st;
    show("wait4 no children", syscall(SYS_wait4, -1, &st, 0, 0));
    show("wait4 bad options", syscall(SYS_wait4, -1, &st, 0x1000, 0));
    show("waitid bad idtype", syscall(SYS_waitid, 7, 0, BAD, WEXITED, 0));
    show("waitid no options", syscall(SYS_waitid, P_ALL, 0, BAD, 0, 0));
    pid_t p = fork();
    if (p == 0) _exit(3);
    show("wait4 bad status pointer", syscall(SYS_wait4, p, BAD, 0, 0) == p ? 1 : -1);
    show("wait4 after that", syscall(SYS_wait4, p, &st, 0, 0));
    show("futex bad address", syscall(SYS_futex, BAD, FUTEX_WAIT, 0, 0, 0, 0));
    show("futex misaligned", syscall(SYS_futex, (char *)&st + 1, FUTEX_WAKE, 1, 0, 0, 0));
    show("futex bad op", syscall(SYS_futex, &st, 99, 1, 0, 0, 0));
    show("futex bad timeout", syscall(SYS_futex, &st, FUTEX_WAIT, st, BAD, 0, 0));
    struct timespec neg = {-1, 0};
    show("nanosleep negative", syscall(SYS_nanosleep, &neg, 0));
    show("clock_nanosleep bad clock", syscall(SYS_clock_nanosleep, 99, 0, &neg, 0));
    show("execve bad path", syscall(SYS_execve, BAD, 0, 0));
    char *bad_argv[] = {BAD, 0};
    show("execve bad argv string", syscall(SYS_execve, "/proc/self/exe", bad_argv, 0));
    show("execve bad argv array", syscall(SYS_execve, "/proc/self/exe", BAD, 0));
    show("clone thread without vm", syscall(SYS_clone, CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0, 0));
    show("setpgid of a stranger", setpgid(999999, 0));
    show("getpgid of a stranger", getpgid(999999));
    show("setitimer bad which", syscall(SYS_setitimer, 9, 0, 0));
    return 0;
}
