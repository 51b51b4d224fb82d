/* fs_proc_counts: every thread /proc lists (init's too) is counted by /proc/loadavg's nr_threads, sysinfo's procs and /proc/stat's processes, alone and with a child and a thread alive */
#define _GNU_SOURCE
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

/* Threads listed under /proc/[0-9]+/task/. */
static int listed(void) {
    int n = 0;
    DIR *d = opendir("/proc");
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] < '0' || e->d_name[0] > '9') continue;
        char path[300];
        snprintf(path, sizeof path, "/proc/%s/task", e->d_name);
        DIR *t = opendir(path);
        if (!t) continue;
        struct dirent *x;
        while ((x = readdir(t))) if (x->d_name[0] >= '0' && x->d_name[0] <= '9') n++;
        closedir(t);
    }
    closedir(d);
    return n;
}

static int nr_threads(void) {
    char b[256];
    FILE *f = fopen("/proc/loadavg", "r");
    int run = 0, all = 0;
    if (fgets(b, sizeof b, f)) sscanf(b, "%*s %*s %*s %d/%d", &run, &all);
    fclose(f);
    return all;
}

static long long forks(void) {
    char b[256];
    long long n = -1;
    FILE *f = fopen("/proc/stat", "r");
    while (fgets(b, sizeof b, f)) if (sscanf(b, "processes %lld", &n) == 1) break;
    fclose(f);
    return n;
}

/* The host's processes come and go under the oracle: a few tries for a moment when the counts hold still. */
static void check(const char *when) {
    int ok_loadavg = 0, ok_sysinfo = 0, ok_stat = 0;
    for (int tries = 0; tries < 20 && !(ok_loadavg && ok_sysinfo && ok_stat); tries++) {
        int before = nr_threads();
        long long f = forks();
        struct sysinfo si;
        sysinfo(&si);
        int n = listed(), after = nr_threads();
        ok_loadavg = before == after && n <= after;
        ok_sysinfo = n <= si.procs;
        ok_stat = n <= f;
    }
    printf("%s: listed <= nr_threads: %d, <= sysinfo procs: %d, <= processes: %d\n", when, ok_loadavg, ok_sysinfo, ok_stat);
}

static int go;
static void *idle(void *a) {
    while (!__atomic_load_n(&go, __ATOMIC_SEQ_CST)) usleep(1000);
    return a;
}

int main(void) {
    check("alone");
    int p[2];
    pipe(p);
    pid_t c = fork();
    if (c == 0) {
        char x;
        read(p[0], &x, 1);
        _exit(0);
    }
    check("with a child");
    pthread_t t;
    pthread_create(&t, NULL, idle, NULL);
    check("and a thread");
    __atomic_store_n(&go, 1, __ATOMIC_SEQ_CST);
    pthread_join(t, NULL);
    write(p[1], "x", 1);
    waitpid(c, NULL, 0);
    check("after");
    return 0;
}
