/* setuid_exec_native: run as root, a copy of this program made set-uid 2000 and set-gid 3000 is exec'd by a child that dropped to uid/gid 1000: the new image runs with effective and saved ids of the file's owner and group, AT_SECURE set, no capabilities; a set-gid bit without group execute changes nothing; a set-uid root program gives an unprivileged user euid 0 and its capabilities. Built natively and run as root (qemu-user's binfmt_misc entry has no C flag, so it runs set-id programs with the interpreter's ids). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *tag) {
    uid_t r, e, s;
    gid_t gr, ge, gs;
    getresuid(&r, &e, &s);
    getresgid(&gr, &ge, &gs);
    printf("%s: uid %u %u %u gid %u %u %u secure %lu", tag, r, e, s, gr, ge, gs, getauxval(AT_SECURE));
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned long long eff = 0;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "CapEff:", 7)) eff = strtoull(line + 8, NULL, 16);
    if (f) fclose(f);
    printf(" caps %s\n", eff ? "some" : "none");
}

static int copy(const char *to, int mode, uid_t u, gid_t g) {
    int in = open("/proc/self/exe", O_RDONLY), out = open(to, O_CREAT | O_TRUNC | O_WRONLY, 0700);
    if (in < 0 || out < 0) return -1;
    char buf[65536];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, n) != n) return -1;
    close(in);
    close(out);
    if (chown(to, u, g) < 0 || chmod(to, mode) < 0) return -1;
    return 0;
}

static void run_as_user(const char *path) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (setgroups(0, NULL) < 0 || setgid(1000) < 0 || setuid(1000) < 0) _exit(3);
        execl(path, path, "child", (char *) 0);
        printf("exec %s: %s\n", strrchr(path, '/'), strerrorname_np(errno));
        fflush(stdout);
        _exit(4);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child status %d\n", WEXITSTATUS(st));
}

int main(int argc, char **argv) {
    if (argc > 1) {
        report(argv[1]);
        return 0;
    }
    if (geteuid() != 0) { printf("run me as root\n"); return 1; }
    char a[64], b[64], c[64];
    snprintf(a, sizeof a, "/tmp/setuid_exec_a.%d", getpid());
    snprintf(b, sizeof b, "/tmp/setuid_exec_b.%d", getpid());
    snprintf(c, sizeof c, "/tmp/setuid_exec_c.%d", getpid());
    report("root");
    printf("copies %d %d %d\n", copy(a, 06755, 2000, 3000), copy(b, 02745, 2000, 3000), copy(c, 04755, 0, 0));
    run_as_user(a);
    run_as_user(b);
    run_as_user(c);
    unlink(a);
    unlink(b);
    unlink(c);
    return 0;
}
