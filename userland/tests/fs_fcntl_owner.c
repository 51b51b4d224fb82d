/* fs_fcntl_owner: F_SETOWN/F_GETOWN, F_SETOWN_EX/F_GETOWN_EX, F_SETSIG/F_GETSIG and their errors, and O_ASYNC on a pipe: SIGIO (SI_KERNEL) or the F_SETSIG signal with POLL_IN/POLL_OUT, si_band and si_fd, to the owning process, thread or group */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void show(const char *what, long r) { printf("%s: %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : ""); }

static void owner_ex(const char *what, int fd) {
    struct f_owner_ex o = {-1, -1};
    int r = fcntl(fd, F_GETOWN_EX, &o);
    printf("%s: %d type %d pid %s\n", what, r, o.type,
           o.pid == 0 ? "0" : o.pid == getpid() ? "self" : o.pid == getpgrp() ? "group" : "other");
}

/* which signal is pending now, taken */
static void taken(const char *what, int extra) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    siginfo_t si;
    struct timespec zero = {0, 0};
    memset(&si, 0, sizeof si);
    int r = sigtimedwait(&set, &si, &zero);
    if (r < 0) { printf("%s: none (%s)\n", what, strerrorname_np(errno)); return; }
    printf("%s: %s code %#x", what, sigabbrev_np(r), si.si_code);
    if (extra) printf(" band %#lx fd %d", si.si_band, si.si_fd);
    printf("\n");
}

int main(void) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigaddset(&set, SIGUSR1);
    sigaddset(&set, SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    int p[2];
    if (pipe(p)) return 1;
    char buf[8];

    show("F_GETOWN at first", fcntl(p[0], F_GETOWN));
    owner_ex("F_GETOWN_EX at first", p[0]);
    show("F_GETSIG at first", fcntl(p[0], F_GETSIG));
    show("F_SETOWN self", fcntl(p[0], F_SETOWN, getpid()));
    show("F_GETOWN is self", fcntl(p[0], F_GETOWN) == getpid());
    owner_ex("F_GETOWN_EX after F_SETOWN", p[0]);
    if (getpid() != getsid(0)) setpgid(0, 0);
    show("F_SETOWN -group", fcntl(p[0], F_SETOWN, -getpgrp()));
    show("F_GETOWN is -group", fcntl(p[0], F_GETOWN) == -getpgrp());
    owner_ex("F_GETOWN_EX of a group", p[0]);
    pid_t gone = fork();
    if (gone == 0) _exit(0);
    waitpid(gone, NULL, 0);
    show("F_SETOWN a reaped pid", fcntl(p[0], F_SETOWN, gone));
    struct f_owner_ex bad = {3, getpid()};
    show("F_SETOWN_EX type 3", fcntl(p[0], F_SETOWN_EX, &bad));
    show("F_SETOWN_EX bad pointer", fcntl(p[0], F_SETOWN_EX, (void *) 8));
    show("F_GETOWN_EX bad pointer", fcntl(p[0], F_GETOWN_EX, (void *) 8));
    show("F_SETSIG 65", fcntl(p[0], F_SETSIG, 65));
    show("F_SETSIG -1", fcntl(p[0], F_SETSIG, -1));
    show("F_SETSIG SIGUSR2", fcntl(p[0], F_SETSIG, SIGUSR2));
    show("F_GETSIG is SIGUSR2", fcntl(p[0], F_GETSIG) == SIGUSR2);
    show("F_SETSIG 0", fcntl(p[0], F_SETSIG, 0));

    /* O_ASYNC on the read end, owned by this process */
    show("F_SETOWN self", fcntl(p[0], F_SETOWN, getpid()));
    show("F_SETFL O_ASYNC", fcntl(p[0], F_SETFL, O_ASYNC));
    show("F_GETFL has O_ASYNC", (fcntl(p[0], F_GETFL) & O_ASYNC) != 0);
    if (write(p[1], "a", 1) != 1) return 1;
    taken("write, no F_SETSIG", 0);
    fcntl(p[0], F_SETSIG, SIGUSR1);
    if (write(p[1], "b", 1) != 1) return 1;
    taken("write, F_SETSIG SIGUSR1", 1);
    if (read(p[0], buf, 2) != 2) return 1;
    taken("read (the reader is not told)", 0);

    /* the write end: told when a read makes room */
    fcntl(p[1], F_SETOWN, getpid());
    fcntl(p[1], F_SETSIG, SIGUSR2);
    fcntl(p[1], F_SETFL, O_ASYNC);
    if (write(p[1], "c", 1) != 1) return 1;
    taken("write (the reader)", 1);
    if (read(p[0], buf, 1) != 1) return 1;
    taken("read (the writer)", 1);

    /* owned by this thread */
    struct f_owner_ex tid = {F_OWNER_TID, (pid_t) syscall(SYS_gettid)};
    show("F_SETOWN_EX thread", fcntl(p[0], F_SETOWN_EX, &tid));
    owner_ex("F_GETOWN_EX thread", p[0]);
    show("F_GETOWN of a thread owner", fcntl(p[0], F_GETOWN) == getpid());
    if (write(p[1], "d", 1) != 1) return 1;
    taken("write, thread owner", 1);
    if (read(p[0], buf, 1) != 1) return 1;
    taken("read", 1);

    /* a child writes: its parent, the owner, is signalled */
    fcntl(p[0], F_SETOWN, getpid());
    pid_t c = fork();
    if (c == 0) {
        if (write(p[1], "e", 1) != 1) _exit(1);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    taken("a child's write", 1);
    if (read(p[0], buf, 1) != 1) return 1;
    taken("read", 1);

    /* no owner, or O_ASYNC off: nothing */
    fcntl(p[0], F_SETOWN, 0);
    if (write(p[1], "f", 1) != 1) return 1;
    taken("write, no owner", 1);
    fcntl(p[0], F_SETOWN, getpid());
    fcntl(p[0], F_SETFL, 0);
    fcntl(p[1], F_SETFL, 0);
    if (write(p[1], "g", 1) != 1) return 1;
    taken("write, O_ASYNC off", 1);

    /* closing the write end: the reader hears POLL_IN */
    fcntl(p[0], F_SETFL, O_ASYNC);
    close(p[1]);
    taken("the last writer closes", 1);
    return 0;
}
