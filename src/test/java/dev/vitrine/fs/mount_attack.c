/* Tries to leave a writable mount (argv[1]) through the host symlink "out" in it, which
 * points outside, with renames, "..", and a second process swapping names as the first
 * walks. Every try that reaches the outside would read, write, create, or delete there;
 * the test checks the outside afterwards. Prints how many tries found a file. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int found;

static void attack(const char *p) {
    int fd = open(p, O_RDWR);
    if (fd >= 0) { found++; pwrite(fd, "OWNED\n", 6, 0); ftruncate(fd, 3); close(fd); }
    char q[256];
    snprintf(q, sizeof q, "%s.planted", p);
    fd = open(q, O_CREAT | O_WRONLY, 0644);
    if (fd >= 0) close(fd);
    unlink(p);
    snprintf(q, sizeof q, "%s.moved", p);
    rename(p, q);
    truncate(p, 0);
    chmod(p, 0);
}

int main(int argc, char **argv) {
    if (argc < 2 || chdir(argv[1])) return 1;
    /* 1: a renamed directory must not keep its old host name, which a symlink then takes */
    rename("d", "e");
    rename("out", "d");
    attack("e/canary");
    rename("d", "out");
    /* 2: the symlink moved under a renamed directory; ".." through renamed directories */
    mkdir("d", 0755);
    rename("out", "e/x");
    attack("e/x/canary");
    attack("d/../e/x/canary");
    rename("e", "f");
    attack("f/x/canary");
    attack("f/x/../outside/canary");
    rename("f/x", "out");
    /* 3: exchange the symlink with a directory, both ways */
    syscall(SYS_renameat2, AT_FDCWD, "out", AT_FDCWD, "f", 2);
    attack("out/canary");
    attack("f/canary");
    syscall(SYS_renameat2, AT_FDCWD, "out", AT_FDCWD, "f", 2);
    /* 4: RENAME_WHITEOUT needs CAP_MKNOD, which the guest (uid 1000) lacks: nothing moves */
    long w = syscall(SYS_renameat2, AT_FDCWD, "out", AT_FDCWD, "w", 4);
    printf("whiteout %s\n", w == 0 ? "done" : strerrorname_np(errno));
    /* 5: a race: the child swaps a directory and the symlink at "x" while the parent walks "x" */
    mkdir("real", 0755);
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; i < 300; i++) {
            rename("real", "x");
            rename("x", "real");
            rename("out", "x");
            syscall(SYS_renameat2, AT_FDCWD, "x", AT_FDCWD, "real", 2);
            syscall(SYS_renameat2, AT_FDCWD, "x", AT_FDCWD, "real", 2);
            rename("x", "out");
            sched_yield();
        }
        _exit(0);
    }
    for (int i = 0; i < 300; i++) {
        attack("x/canary");
        attack("real/canary");
        attack("x/../x/canary");
        sched_yield();
    }
    waitpid(pid, 0, 0);
    printf("found %d\n", found);
    return 0;
}
