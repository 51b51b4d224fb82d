/* cred_bounding_root: the capability bounding set: PR_CAPBSET_READ, PR_CAPBSET_DROP (CAP_SETPCAP first, then the number), capset's inheritable bound by it, a dropped capability gone from CapBnd and from root's permitted set after exec, and a user's drop EPERM */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/capability.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

/* One line of /proc/self/status as a number. */
static unsigned long long status(const char *key) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    unsigned long long v = 0;
    size_t n = strlen(key);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, key, n) == 0 && line[n] == ':') { v = strtoull(line + n + 1, NULL, 16); break; }
    fclose(f);
    return v;
}

static long capset3(unsigned eff, unsigned prm, unsigned inh) {
    struct __user_cap_header_struct h = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct d[2] = {{eff, prm, inh}, {0, 0, 0}};
    return syscall(SYS_capset, &h, d);
}

int main(int argc, char **argv) {
    if (argc > 1) {   /* after exec */
        printf("after exec: CapPrm has CAP_KILL %d, CAP_CHOWN %d; CapBnd has CAP_KILL %d\n", !!(status("CapPrm") & (1 << CAP_KILL)),
               !!(status("CapPrm") & (1 << CAP_CHOWN)), !!(status("CapBnd") & (1 << CAP_KILL)));
        return 0;
    }
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        show("setuid 1000", setuid(1000));
        show("a user: read CAP_CHOWN", prctl(PR_CAPBSET_READ, CAP_CHOWN));
        show("a user: drop CAP_CHOWN", prctl(PR_CAPBSET_DROP, CAP_CHOWN));
        show("a user: drop 99", prctl(PR_CAPBSET_DROP, 99));
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    show("read CAP_KILL", prctl(PR_CAPBSET_READ, CAP_KILL));
    show("read CAP_CHOWN", prctl(PR_CAPBSET_READ, CAP_CHOWN));
    show("read 41", prctl(PR_CAPBSET_READ, 41));
    show("read -1", prctl(PR_CAPBSET_READ, -1L));
    show("drop 99", prctl(PR_CAPBSET_DROP, 99));
    show("drop CAP_KILL", prctl(PR_CAPBSET_DROP, CAP_KILL));
    show("read CAP_KILL after the drop", prctl(PR_CAPBSET_READ, CAP_KILL));
    show("drop CAP_KILL again", prctl(PR_CAPBSET_DROP, CAP_KILL));
    printf("CapBnd has CAP_KILL %d, CAP_CHOWN %d; CapPrm still has CAP_KILL %d\n", !!(status("CapBnd") & (1 << CAP_KILL)),
           !!(status("CapBnd") & (1 << CAP_CHOWN)), !!(status("CapPrm") & (1 << CAP_KILL)));
    unsigned c1 = 1 << CAP_CHOWN | 1 << CAP_SETPCAP, c2 = c1 | 1 << CAP_KILL;
    show("capset pI with CAP_KILL, outside the bounding set", capset3(c1, c1, c2));
    show("capset pI without it", capset3(c1, c1, c1));
    show("capset pI with CAP_KILL again", capset3(c1, c1, c2));
    fflush(stdout);
    c = fork();
    if (c == 0) {
        execl("/proc/self/exe", argv[0], "exec", (char *) NULL);
        _exit(127);
    }
    waitpid(c, NULL, 0);
    return 0;
}
