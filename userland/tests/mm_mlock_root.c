/* mm_mlock_root: CAP_IPC_LOCK lifts RLIMIT_MEMLOCK for mlock, mlockall and MAP_LOCKED, and a limit of 0 is no EPERM for root; a child that drops to uid 1000 meets the limit again */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: 0\n", what);
}

/* The soft limit only: the oracle's root may lack CAP_SYS_RESOURCE to raise a hard one again. */
static void limit(rlim_t bytes) {
    struct rlimit rl;
    getrlimit(RLIMIT_MEMLOCK, &rl);
    rl.rlim_cur = bytes;
    if (setrlimit(RLIMIT_MEMLOCK, &rl) < 0) printf("setrlimit %lu: %s\n", (unsigned long) bytes, strerrorname_np(errno));
}

static int locked_kb(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    int kb = -1;
    while (fgets(line, sizeof line, f)) if (sscanf(line, "VmLck: %d kB", &kb) == 1) break;
    fclose(f);
    return kb;
}

int main(void) {
    size_t big = 4 << 20;
    char *a = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    limit(64 << 10);
    show("root: mlock 4 MiB past a 64 KiB limit", mlock(a, big));
    printf("VmLck: %d kB\n", locked_kb());
    show("munlock", munlock(a, big));
    void *m = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);
    show("MAP_LOCKED 4 MiB", m == MAP_FAILED ? -1 : 0);
    if (m != MAP_FAILED) munmap(m, big);
    limit(0);
    show("limit 0: mlock one page", mlock(a, 4096));
    munlock(a, 4096);
    show("limit 0: mlockall", mlockall(MCL_CURRENT | MCL_FUTURE));
    printf("VmLck above 4 MiB: %d\n", locked_kb() > 4096);
    show("munlockall", munlockall());
    printf("VmLck after munlockall: %d kB\n", locked_kb());

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        limit(64 << 10);
        setuid(1000);
        show("uid 1000: mlock 4 MiB past 64 KiB", mlock(a, big));
        show("uid 1000: mlock 16 KiB", mlock(a, 16 << 10));
        void *m2 = mmap(NULL, big, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);
        show("uid 1000: MAP_LOCKED 4 MiB", m2 == MAP_FAILED ? -1 : 0);
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    c = fork();
    if (c == 0) {
        limit(0);
        setuid(1000);
        show("uid 1000, limit 0: mlock", mlock(a, 4096));
        show("uid 1000, limit 0: mlockall", mlockall(MCL_CURRENT));
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    return 0;
}
