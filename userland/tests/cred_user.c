/* cred_user: the id, group and ownership calls as the unprivileged user uid 1000 (no supplementary groups): every change of identity refused as kernel/sys.c refuses it, permission bits obeyed on the user's own files and directories, umask at creation, /proc/self/status's ids and who owns /proc's entries. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/fsuid.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>

#define T(x) do { errno = 0; long r_ = (x); printf("%-56s = %ld %s\n", #x, r_, r_ < 0 ? strerrorname_np(errno) : ""); } while (0)

static char dir[64];
static char *P(const char *n) {
    static char b[4][128];
    static int i;
    i = (i + 1) % 4;
    snprintf(b[i], sizeof b[i], "%s/%s", dir, n);
    return b[i];
}

static void ids(const char *what) {
    uid_t r, e, s;
    gid_t gr, ge, gs;
    getresuid(&r, &e, &s);
    getresgid(&gr, &ge, &gs);
    printf("%-12s uid %u %u %u fsuid %d gid %u %u %u fsgid %d groups %d\n", what, r, e, s, setfsuid(-1), gr, ge, gs,
           setfsgid(-1), getgroups(0, NULL));
}

static void mode(const char *n) {
    struct stat st;
    if (lstat(P(n), &st) < 0) { printf("%-8s %s\n", n, strerrorname_np(errno)); return; }
    printf("%-8s %06o %u:%u\n", n, st.st_mode, st.st_uid, st.st_gid);
}

/* The lines of /proc/self/status that name who the process is; capability sets only as zero or not. */
static void status(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    while (f && fgets(line, sizeof line, f)) {
        if (!strncmp(line, "Uid:", 4) || !strncmp(line, "Gid:", 4) || !strncmp(line, "Groups:", 7)) fputs(line, stdout);
        if (!strncmp(line, "CapEff:", 7) || !strncmp(line, "CapPrm:", 7) || !strncmp(line, "CapInh:", 7))
            printf("%.7s %s\n", line, strtoull(line + 8, NULL, 16) ? "some" : "none");
    }
    if (f) fclose(f);
}

/* Who owns /proc's entries: the process's own are its effective ids', the rest root's. */
static void proc_owners(void) {
    const char *paths[] = {"/proc", "/proc/cpuinfo", "/proc/sys/kernel/ostype", "/proc/self", "/proc/self/status",
                           "/proc/self/fd", "/proc/self/task", "/proc/self/pagemap", "/proc/self/environ"};
    for (size_t i = 0; i < sizeof paths / sizeof *paths; i++) {
        struct stat st;
        if (stat(paths[i], &st) < 0) printf("%-26s %s\n", paths[i], strerrorname_np(errno));
        else printf("%-26s %06o %u:%u\n", paths[i], st.st_mode, st.st_uid, st.st_gid);
    }
}

int main(void) {
    ids("start");
    status();
    proc_owners();
    T(setuid(0)); T(setuid(1000)); T(setuid(-1)); T(setgid(0)); T(setgid(1000)); T(setgid(-1));
    T(setreuid(0, -1)); T(setreuid(-1, 0)); T(setreuid(1000, 1000)); T(setreuid(-1, -1));
    T(setregid(0, -1)); T(setregid(1000, 1000));
    T(setresuid(0, -1, -1)); T(setresuid(-1, -1, 0)); T(setresuid(1000, 1000, 1000)); T(setresuid(-1, -1, -1));
    T(setresgid(-1, 0, -1)); T(setresgid(1000, -1, 1000));
    T(setfsuid(0)); T(setfsuid(1000)); T(setfsgid(0)); T(setfsgid(5));
    T(seteuid(0)); T(setegid(0)); T(seteuid(1000));
    T(setgroups(0, NULL)); T(getgroups(0, NULL));
    gid_t g[4];
    T(getgroups(4, g));
    int neg = -1;
    T(getgroups(neg, g));
    T(getresuid(NULL, NULL, NULL));
    ids("after");

    snprintf(dir, sizeof dir, "/tmp/cred_user.%d", getpid());
    T(umask(027));
    T(mkdir(dir, 0777)); mode(".");
    T(close(open(P("f"), O_CREAT | O_WRONLY, 06777))); mode("f");
    T(mkdir(P("d"), 07777)); mode("d");
    T(mkfifo(P("p"), 0666)); mode("p");
    T(mknod(P("n"), S_IFREG | 0644, 0)); mode("n");
    T(mknod(P("c"), S_IFCHR | 0644, makedev(1, 3)));
    T(mknod(P("x"), 0170000 | 0644, 0));
    T(chown(P("f"), 1000, 1000)); T(chown(P("f"), -1, 1000)); T(chown(P("f"), 0, -1)); T(chown(P("f"), -1, 0)); T(lchown(P("f"), -1, -1));
    T(chmod(P("f"), 06755)); mode("f");
    T(chown(P("f"), -1, -1)); mode("f");
    T(chmod(P("f"), 0)); mode("f");
    T(open(P("f"), O_RDONLY)); T(open(P("f"), O_WRONLY)); T(open(P("f"), O_RDONLY | O_TRUNC)); T(truncate(P("f"), 0));
    T(access(P("f"), F_OK)); T(access(P("f"), R_OK)); T(faccessat(AT_FDCWD, P("f"), W_OK, AT_EACCESS)); T(access(P("f"), X_OK));
    T(execl(P("f"), "f", (char *) 0));
    int pfd = open(P("f"), O_PATH);
    T(faccessat(pfd, "", F_OK, AT_EMPTY_PATH)); T(faccessat(pfd, "", R_OK, AT_EMPTY_PATH)); T(faccessat(pfd, "", R_OK, 0));
    close(pfd);
    T(chmod(P("f"), 0200)); T(open(P("f"), O_WRONLY | O_TRUNC) >= 0); T(open(P("f"), O_RDWR));
    T(chmod(P("f"), 0100)); T(access(P("f"), X_OK)); T(execl(P("f"), "f", (char *) 0));
    T(chmod(P("d"), 0600)); T(access(P("d/x"), F_OK)); T(open(P("d/x"), O_CREAT | O_WRONLY, 0600)); T(chdir(P("d")));
    T(chmod(P("d"), 0500)); T(open(P("d/x"), O_CREAT | O_WRONLY, 0600)); T(mkdir(P("d/y"), 0700));
    T(chmod(P("d"), 0300)); T(close(open(P("d/x"), O_CREAT | O_WRONLY, 0600))); T(open(P("d"), O_RDONLY | O_DIRECTORY));
    T(unlink(P("d/x"))); T(chmod(P("d"), 0700));
    T(utimensat(AT_FDCWD, P("f"), NULL, 0)); T(chmod(P("/"), 0755));
    T(chmod("/etc/passwd", 0666)); T(chown("/etc/passwd", 1000, 1000)); T(open("/etc/passwd", O_WRONLY)); T(unlink("/etc/hostname"));
    T(mkdir("/etc/x", 0755)); T(open("/etc/passwd", O_RDONLY) >= 0); T(access("/etc", W_OK)); T(access("/etc", R_OK | X_OK));
    T(rename(P("n"), "/etc/n")); T(link(P("n"), "/etc/n"));
    T(kill(1, 0)); T(kill(getppid(), 0) == 0 || errno == EPERM);
    status();
    const char *names[] = {"f", "d", "p", "n"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) if (unlink(P(names[i])) < 0) T(rmdir(P(names[i])));
    T(rmdir(dir));
    return 0;
}
