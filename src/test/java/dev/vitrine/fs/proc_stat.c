/* proc_stat: /proc/PID/stat, status, cmdline, task/, sys/kernel, cpuinfo and vmstat read the way
 * ps, top and free read them, each checked against what the program knows of itself (getpid,
 * getppid, its own mask and handlers, the pages it touched, its argv). Prints one line per
 * check, "ok" or "FAIL why", and exits 1 if any failed; built natively it passes on Linux. */
#define _GNU_SOURCE
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static int failed;

static void check(int ok, const char *what, const char *detail) {
    printf("%s %s%s%s\n", ok ? "ok" : "FAIL", what, ok ? "" : ": ", ok ? "" : detail);
    failed |= !ok;
}

static int slurp(const char *path, char *buf, size_t size) {
    FILE *f = fopen(path, "r");
    if (!f) return -1;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = 0;
    fclose(f);
    return (int) n;
}

/* The fields of a stat line: [0] pid, [1] comm, [2] state, ...; returns how many. */
static int stat_fields(const char *path, char f[64][32], char *comm) {
    char buf[4096];
    if (slurp(path, buf, sizeof buf) <= 0) return 0;
    char *open = strchr(buf, '('), *close = strrchr(buf, ')');
    if (!open || !close) return 0;
    *close = 0;
    snprintf(comm, 64, "%s", open + 1);
    int n = 0;
    snprintf(f[n++], 32, "%.*s", (int) (open - buf - 1), buf);
    snprintf(f[n++], 32, "(%s)", comm);
    for (char *t = strtok(close + 1, " \n"); t && n < 64; t = strtok(NULL, " \n")) snprintf(f[n++], 32, "%s", t);
    return n;
}

static unsigned long long field(const char *path, int i) {
    char f[64][32], comm[64];
    return stat_fields(path, f, comm) > i ? strtoull(f[i], NULL, 10) : ~0ULL;
}

/* The value of "Key:" in a status text, or -1. */
static long long status_value(const char *text, const char *key) {
    size_t k = strlen(key);
    for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, key, k) == 0 && p[k] == ':') return strtoll(p + k + 1, NULL, 0);
    return -1;
}

static unsigned long long status_hex(const char *text, const char *key) {
    const char *p = strstr(text, key);
    return p ? strtoull(p + strlen(key) + 2, NULL, 16) : ~0ULL;
}

static long long vmstat_value(const char *key) {
    char buf[16384];
    if (slurp("/proc/vmstat", buf, sizeof buf) <= 0) return -1;
    size_t k = strlen(key);
    for (char *p = buf; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, key, k) == 0 && p[k] == ' ') return atoll(p + k + 1);
    return -1;
}

static void touch(int pages) {
    char *m = mmap(NULL, pages * 4096L, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    for (int i = 0; i < pages; i++) m[i * 4096L] = 1;
}

static void on_usr2(int s) { (void) s; }

int main(int argc, char **argv) {
    char f[64][32], comm[64], msg[256], buf[8192];
    int n = stat_fields("/proc/self/stat", f, comm);
    snprintf(msg, sizeof msg, "%d fields", n);
    check(n == 52, "stat has 52 fields", msg);
    check(atoi(f[0]) == getpid(), "stat pid is getpid()", f[0]);
    const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
    check(strncmp(comm, base, 15) == 0 && strlen(comm) == (strlen(base) < 15 ? strlen(base) : 15), "stat comm", comm);
    check(strcmp(f[2], "R") == 0, "stat state R while reading", f[2]);
    check(atoi(f[3]) == getppid(), "stat ppid is getppid()", f[3]);
    check(atoi(f[19]) == 1, "stat num_threads 1", f[19]);
    check(strtoull(f[22], NULL, 10) > 0 && strtoull(f[23], NULL, 10) > 0, "stat vsize and rss", f[23]);
    unsigned long long startstack = strtoull(f[27], NULL, 10), here = (unsigned long long) (unsigned long) &n;
    check(startstack > here && startstack - here < (8 << 20), "stat startstack above this frame", f[27]);
    unsigned long long arg_start = strtoull(f[47], NULL, 10), arg_end = strtoull(f[48], NULL, 10);
    check(arg_start == (unsigned long long) (unsigned long) argv[0], "stat arg_start is argv[0]", f[47]);
    size_t argbytes = 0;
    for (int i = 0; i < argc; i++) argbytes += strlen(argv[i]) + 1;
    check(arg_end - arg_start == argbytes, "stat arg_end - arg_start is argv's bytes", f[48]);
    check(strcmp(f[51], "0") == 0, "stat exit_code 0 while alive", f[51]);

    unsigned long long before = field("/proc/self/stat", 9);
    long long pgfault = vmstat_value("pgfault");
    touch(64);
    unsigned long long after = field("/proc/self/stat", 9);
    snprintf(msg, sizeof msg, "%llu then %llu", before, after);
    check(after >= before + 64, "stat minflt grows by the 64 pages touched", msg);
    check(pgfault >= 0 && vmstat_value("pgfault") >= pgfault + 64, "vmstat pgfault grows too", msg);
    check(vmstat_value("pgmajfault") >= 0 && vmstat_value("nr_free_pages") > 0, "vmstat pgmajfault, nr_free_pages", "");

    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGUSR2, on_usr2);
    signal(SIGPIPE, SIG_IGN);
    raise(SIGUSR1);
    slurp("/proc/self/status", buf, sizeof buf);
    const char *order[] = {"Name", "Umask", "State", "Tgid", "Ngid", "Pid", "PPid", "TracerPid", "Uid", "Gid",
                           "FDSize", "Groups", "NStgid", "NSpid", "NSpgid", "NSsid", "Kthread", "VmPeak", "VmSize",
                           "VmLck", "VmPin", "VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem", "VmData", "VmStk",
                           "VmExe", "VmLib", "VmPTE", "VmSwap", "HugetlbPages", "CoreDumping", "THP_enabled", "Threads",
                           "SigQ", "SigPnd", "ShdPnd", "SigBlk", "SigIgn", "SigCgt", "Cpus_allowed", "Cpus_allowed_list",
                           "voluntary_ctxt_switches", "nonvoluntary_ctxt_switches"};
    const char *at = buf;
    int inorder = 1;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        char key[64];
        snprintf(key, sizeof key, "\n%s:", order[i]);
        const char *p = i == 0 ? (strncmp(buf, "Name:", 5) == 0 ? buf : NULL) : strstr(at, key);
        if (!p) { snprintf(msg, sizeof msg, "%s missing or out of order", order[i]); inorder = 0; break; }
        at = p + 1;
    }
    check(inorder, "status keys in Linux's order", msg);
    check(status_value(buf, "Pid") == getpid() && status_value(buf, "Tgid") == getpid(), "status Pid, Tgid", "");
    check(status_value(buf, "PPid") == getppid(), "status PPid", "");
    check(strstr(buf, "State:\tR (running)\n") != NULL, "status State R (running)", "");
    check(status_value(buf, "Threads") == 1, "status Threads 1", "");
    check(status_value(buf, "VmHWM") >= status_value(buf, "VmRSS") && status_value(buf, "VmRSS") > 0, "status VmHWM >= VmRSS", "");
    check(status_value(buf, "VmPeak") >= status_value(buf, "VmSize") && status_value(buf, "VmSize") > 0, "status VmPeak >= VmSize", "");
    check(status_value(buf, "VmRSS") == status_value(buf, "RssAnon") + status_value(buf, "RssFile") + status_value(buf, "RssShmem"),
          "status VmRSS is RssAnon + RssFile + RssShmem", "");
    check(strstr(buf, "\nVmRSS:\t") && strstr(buf, " kB\n"), "status sizes in kB", "");
    unsigned long long bit1 = 1ULL << (SIGUSR1 - 1), bit2 = 1ULL << (SIGUSR2 - 1), bitp = 1ULL << (SIGPIPE - 1);
    check(status_hex(buf, "SigBlk") == bit1, "status SigBlk is the mask", "");
    check(status_hex(buf, "SigPnd") == bit1, "status SigPnd has the raised SIGUSR1", "");
    check((status_hex(buf, "SigCgt") & bit2) && !(status_hex(buf, "SigCgt") & bit1), "status SigCgt has SIGUSR2's handler", "");
    check((status_hex(buf, "SigIgn") & bitp) && !(status_hex(buf, "SigIgn") & bit2), "status SigIgn has SIGPIPE", "");
    check(field("/proc/self/stat", 31) == bit1 && (field("/proc/self/stat", 32) & bitp), "stat blocked and sigignore", "");

    int len = slurp("/proc/self/cmdline", buf, sizeof buf);
    int same = len == (int) argbytes;
    for (int i = 0, off = 0; same && i < argc; off += strlen(argv[i]) + 1, i++) same = strcmp(buf + off, argv[i]) == 0;
    check(same, "cmdline is argv, NUL-separated", buf);

    DIR *d = opendir("/proc/self/task");
    int tids = 0, mine = 0;
    struct dirent *e;
    while (d && (e = readdir(d))) if (e->d_name[0] != '.') { tids++; mine |= atoi(e->d_name) == getpid(); }
    if (d) closedir(d);
    check(tids == 1 && mine, "task/ lists the one thread", "");
    char path[128];
    snprintf(path, sizeof path, "/proc/self/task/%d/stat", getpid());
    check(field(path, 0) == (unsigned long long) getpid() && field(path, 3) == (unsigned long long) getppid(), "task/TID/stat", "");
    snprintf(path, sizeof path, "/proc/self/task/%d/status", getpid());
    slurp(path, buf, sizeof buf);
    check(status_value(buf, "Pid") == getpid(), "task/TID/status", "");

    int sync[2];
    pipe(sync);
    pid_t child = fork();
    if (child == 0) {
        touch(32);
        char c = 'x';
        write(sync[1], &c, 1);
        pause();
        _exit(0);
    }
    char c;
    read(sync[0], &c, 1);
    snprintf(path, sizeof path, "/proc/%d/stat", child);
    char state[32] = "?";
    for (int i = 0; i < 1000 && strcmp(state, "S"); i++) {
        stat_fields(path, f, comm);
        snprintf(state, sizeof state, "%s", f[2]);
        if (strcmp(state, "S")) usleep(1000);
    }
    check(strcmp(state, "S") == 0, "child in pause() is S", state);
    check(atoi(f[3]) == getpid(), "child's ppid is us", f[3]);
    kill(child, SIGSTOP);
    siginfo_t si;
    waitid(P_PID, child, &si, WSTOPPED | WNOWAIT);
    stat_fields(path, f, comm);
    check(strcmp(f[2], "T") == 0, "stopped child is T", f[2]);
    kill(child, SIGKILL);
    waitid(P_PID, child, &si, WEXITED | WNOWAIT);
    stat_fields(path, f, comm);
    check(strcmp(f[2], "Z") == 0, "unreaped child is Z", f[2]);
    unsigned long long cmin = field("/proc/self/stat", 10);
    waitpid(child, NULL, 0);
    snprintf(msg, sizeof msg, "%llu then %llu", cmin, field("/proc/self/stat", 10));
    check(field("/proc/self/stat", 10) >= cmin + 32, "cminflt counts the reaped child's faults", msg);
    check(access(path, F_OK) != 0, "reaped child leaves /proc", path);

    const char *sys[] = {"/proc/sys/kernel/pid_max", "/proc/sys/kernel/tainted", "/proc/sys/fs/pipe-max-size",
                         "/proc/sys/fs/pipe-user-pages-soft"};
    for (int i = 0; i < 4; i++) {
        int ok = slurp(sys[i], buf, sizeof buf) > 0;
        char *end;
        strtoull(buf, &end, 10);
        check(ok && end != buf && *end == '\n', sys[i], buf);
    }
    check(slurp("/proc/sys/kernel/core_pattern", buf, sizeof buf) > 1, "core_pattern", buf);
    check(slurp("/proc/cpuinfo", buf, sizeof buf) > 0 && strncmp(buf, "processor\t: 0\n", 14) == 0, "cpuinfo starts with processor 0", buf);
    return failed;
}
