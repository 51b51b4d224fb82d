/* fs_proc_kernel: /proc/loadavg's fields, /proc/version and /proc/sys/kernel's names agreeing with uname, pipe limits, /proc/PID/statm against status (and a zombie's zeros), task/TID/ of a thread. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

static int slurp(const char *path, char *buf, size_t n) {
    FILE *f = fopen(path, "r");
    if (!f) { printf("%s: cannot open\n", path); return -1; }
    size_t k = fread(buf, 1, n - 1, f);
    buf[k] = 0;
    fclose(f);
    return (int) k;
}

/* The file holds exactly want and a newline. */
static void same(const char *path, const char *want) {
    char b[512];
    if (slurp(path, b, sizeof b) < 0) return;
    size_t n = strlen(want);
    printf("%s matches uname: %d\n", path, strncmp(b, want, n) == 0 && b[n] == '\n' && b[n + 1] == 0);
}

static long status_kb(const char *path, const char *key) {
    char b[8192], *p;
    if (slurp(path, b, sizeof b) < 0 || !(p = strstr(b, key))) return -1;
    return atol(p + strlen(key) + 1);
}

static volatile int named;
static long thread_tid;

static void *worker(void *arg) {
    (void) arg;
    thread_tid = syscall(SYS_gettid);
    named = 1;
    while (named != 2) usleep(1000);
    return NULL;
}

int main(void) {
    char b[4096];
    struct utsname u;
    uname(&u);

    double a1, a5, a15;
    int run, all, last, fields = 0;
    if (slurp("/proc/loadavg", b, sizeof b) > 0) fields = sscanf(b, "%lf %lf %lf %d/%d %d", &a1, &a5, &a15, &run, &all, &last);
    printf("loadavg: %d fields, running >= 1: %d, running <= threads: %d, averages >= 0: %d, ends in newline: %d\n",
           fields, run >= 1, run <= all, a1 >= 0 && a5 >= 0 && a15 >= 0, b[strlen(b) - 1] == '\n');
    int lp = last;
    pid_t kid = fork();
    if (kid == 0) _exit(0);
    waitpid(kid, NULL, 0);
    slurp("/proc/loadavg", b, sizeof b);
    sscanf(b, "%*f %*f %*f %*d/%*d %d", &last);
    printf("loadavg's last pid moved on to the child's or past: %d\n", last >= kid && last != lp);

    slurp("/proc/version", b, sizeof b);
    char banner[256];
    snprintf(banner, sizeof banner, "Linux version %s ", u.release);
    printf("/proc/version starts with the release: %d, holds uname's version: %d\n",
           strncmp(b, banner, strlen(banner)) == 0, strstr(b, u.version) != NULL);
    same("/proc/sys/kernel/ostype", u.sysname);
    same("/proc/sys/kernel/osrelease", u.release);
    same("/proc/sys/kernel/version", u.version);
    same("/proc/sys/kernel/hostname", u.nodename);
    const char *nums[] = {"/proc/sys/kernel/pid_max", "/proc/sys/kernel/tainted", "/proc/sys/fs/pipe-max-size",
                          "/proc/sys/fs/pipe-user-pages-soft"};
    for (int i = 0; i < 4; i++) {
        long v = -1;
        char *end = b;
        if (slurp(nums[i], b, sizeof b) > 0) v = strtol(b, &end, 10);
        printf("%s: a number: %d\n", nums[i], end != b && *end == '\n' && v >= 0);
    }
    slurp("/proc/sys/fs/pipe-max-size", b, sizeof b);
    printf("pipe-max-size: %s", b);
    slurp("/proc/sys/kernel/core_pattern", b, sizeof b);
    printf("core_pattern not empty: %d\n", b[0] != 0 && b[0] != '\n');

    unsigned long size, res, shr, text, lib, data, dt;
    slurp("/proc/self/statm", b, sizeof b);
    long vmsize = status_kb("/proc/self/status", "VmSize:");
    int n = sscanf(b, "%lu %lu %lu %lu %lu %lu %lu", &size, &res, &shr, &text, &lib, &data, &dt);
    long page = sysconf(_SC_PAGESIZE);
    printf("statm: %d fields, size is VmSize: %d, resident <= size: %d, shared <= resident: %d, text > 0: %d, lib 0: %d, data > 0: %d, dt 0: %d\n",
           n, (long) size * page / 1024 == vmsize, res <= size, shr <= res, text > 0, lib == 0, data > 0, dt == 0);
    kid = fork();
    if (kid == 0) _exit(3);
    siginfo_t si;
    waitid(P_PID, kid, &si, WEXITED | WNOWAIT);
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/statm", kid);
    slurp(path, b, sizeof b);
    printf("a zombie's statm: %s", b);
    waitpid(kid, NULL, 0);

    char b2[256];
    pthread_t th;
    pthread_create(&th, NULL, worker, NULL);
    while (!named) usleep(1000);
    snprintf(path, sizeof path, "/proc/self/task/%ld/comm", thread_tid);
    slurp(path, b, sizeof b);
    slurp("/proc/self/comm", b2, sizeof b2);
    printf("a new thread's comm is the process's: %d\n", strcmp(b, b2) == 0 && b[0] != 0);
    snprintf(path, sizeof path, "/proc/self/task/%d/comm", getpid());
    slurp(path, b, sizeof b);
    slurp("/proc/self/comm", b2, sizeof b2);
    printf("main thread's comm is the process's: %d\n", strcmp(b, b2) == 0);
    snprintf(path, sizeof path, "/proc/self/task/%ld/statm", thread_tid);
    slurp("/proc/self/statm", b2, sizeof b2);
    slurp(path, b, sizeof b);
    unsigned long s2;
    sscanf(b, "%lu", &s2);
    sscanf(b2, "%lu", &size);
    printf("a thread's statm is its process's: %d\n", s2 == size);
    named = 2;
    pthread_join(th, NULL);
    return 0;
}
