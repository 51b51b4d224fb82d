/* proc_init: pid 1 as another user sees it. Linux fixes only some of init's figures (the host's
 * init decides its comm, cmdline, nice and threads), so this prints what is true of every init:
 * /proc lists 1; its stat and status say pid 1, ppid 0, sleeping, root's; task/1 is there; its
 * memory files (environ, maps, smaps, pagemap), exe and fd/ refuse uid 1000; kill(1, 0),
 * setpriority, prlimit and a pidfd's signal on it are EPERM; the scheduling queries answer.
 * (As uid 1000: proc_init.cred.) */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static const char *err(int ok) { return ok ? "ok" : strerrorname_np(errno); }

static int slurp(const char *path, char *buf, size_t size) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) return -1;
    ssize_t n = read(fd, buf, size - 1);
    close(fd);
    if (n < 0) return -1;
    buf[n] = 0;
    return (int)n;
}

static void status_line(const char *status, const char *key) {
    const char *p = strstr(status, key);
    if (!p) { printf("status %s missing\n", key); return; }
    if (*p == '\n') p++;
    printf("status %.*s\n", (int)strcspn(p, "\n"), p);
}

int main(void) {
    int listed = 0;
    DIR *d = opendir("/proc");
    for (struct dirent *e; d && (e = readdir(d));) listed |= strcmp(e->d_name, "1") == 0;
    if (d) closedir(d);
    printf("/proc lists 1: %d\n", listed);

    struct stat st;
    printf("stat /proc/1: %s, uid %d, dir %d\n", err(stat("/proc/1", &st) == 0), (int)st.st_uid, S_ISDIR(st.st_mode));
    printf("stat /proc/1/task/1: %s, dir %d\n", err(stat("/proc/1/task/1", &st) == 0), S_ISDIR(st.st_mode));

    char buf[8192];
    if (slurp("/proc/1/stat", buf, sizeof buf) < 0) printf("/proc/1/stat: %s\n", strerrorname_np(errno));
    else {
        char *close = strrchr(buf, ')'), state = 0;
        int pid = atoi(buf), ppid = -1;
        if (close) sscanf(close + 1, " %c %d", &state, &ppid);
        printf("stat: pid %d, state %c, ppid %d, comm in parentheses %d\n", pid, state, ppid, buf[strcspn(buf, " ") + 1] == '(' && close != NULL);
    }
    if (slurp("/proc/1/status", buf, sizeof buf) < 0) printf("/proc/1/status: %s\n", strerrorname_np(errno));
    else {
        status_line(buf, "State:");
        status_line(buf, "Tgid:");
        status_line(buf, "\nPid:");
        status_line(buf, "PPid:");
        status_line(buf, "Uid:");
        status_line(buf, "Gid:");
    }
    if (slurp("/proc/1/task/1/stat", buf, sizeof buf) < 0) printf("task/1/stat: %s\n", strerrorname_np(errno));
    else printf("task/1/stat: tid %d\n", atoi(buf));
    printf("cmdline readable: %s\n", err(slurp("/proc/1/cmdline", buf, sizeof buf) >= 0));
    /* mode 0400 refuses environ and pagemap; maps and smaps are 0444, and proc_mem_open's ptrace check refuses them */
    const char *memory[] = {"environ", "pagemap", "maps", "smaps", "smaps_rollup"};
    for (int i = 0; i < 5; i++) {
        char path[64];
        snprintf(path, sizeof path, "/proc/1/%s", memory[i]);
        printf("open %s: %s\n", memory[i], err(open(path, O_RDONLY) >= 0));
    }
    printf("open self/maps: %s\n", err(open("/proc/self/maps", O_RDONLY) >= 0));
    char target[256];
    printf("readlink exe: %s\n", err(readlink("/proc/1/exe", target, sizeof target) >= 0));
    printf("open exe: %s\n", err(open("/proc/1/exe", O_RDONLY) >= 0));
    printf("readlink self/exe: %s\n", err(readlink("/proc/self/exe", target, sizeof target) > 0));
    DIR *fd = opendir("/proc/1/fd");
    printf("opendir fd: %s\n", err(fd != NULL));

    printf("kill(1, 0): %s\n", err(kill(1, 0) == 0));
    printf("kill(1, SIGTERM): %s\n", err(kill(1, SIGTERM) == 0));
    int pidfd = syscall(SYS_pidfd_open, 1, 0);
    printf("pidfd_open(1): %s\n", err(pidfd >= 0));
    printf("pidfd_send_signal(0): %s\n", err(syscall(SYS_pidfd_send_signal, pidfd, 0, NULL, 0) == 0));
    errno = 0;
    int prio = getpriority(PRIO_PROCESS, 1);
    printf("getpriority(1): %s, a nice value %d\n", err(errno == 0), prio >= -20 && prio <= 19);
    printf("setpriority(1): %s\n", err(setpriority(PRIO_PROCESS, 1, 19) == 0));
    struct rlimit rl;
    printf("prlimit(1): %s\n", err(prlimit(1, RLIMIT_NOFILE, NULL, &rl) == 0));
    printf("sched_getscheduler(1) >= 0: %d\n", sched_getscheduler(1) >= 0);
    cpu_set_t set;
    printf("sched_getaffinity(1): %s\n", err(sched_getaffinity(1, sizeof set, &set) == 0));
    return 0;
}
