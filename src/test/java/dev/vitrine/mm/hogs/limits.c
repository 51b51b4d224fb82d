/* limits: the rlimits mm obeys (STACK with RLIM_INFINITY, AS, DATA, MEMLOCK), locked pages under memory pressure, mremap past TASK_SIZE */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

static const char *e(int failed) { return failed ? strerrorname_np(errno) : "ok"; }

static long deep(int n) {
    volatile char pad[65536];
    pad[0] = (char)n;
    pad[65535] = 1;
    return n == 0 ? pad[0] : deep(n - 1) + pad[65535];
}

static void set(int res, rlim_t cur) {
    struct rlimit rl;
    getrlimit(res, &rl);
    rl.rlim_cur = cur;
    if (setrlimit(res, &rl)) printf("setrlimit %d: %s\n", res, strerrorname_np(errno));
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    const char *what = argc > 1 ? argv[1] : "";
    long ps = 4096;
    if (!strcmp(what, "stack")) {
        set(RLIMIT_STACK, RLIM_INFINITY);
        printf("32 MiB of stack: %ld\n", deep(512));
        return 0;
    }
    if (!strcmp(what, "stack8m")) {
        printf("32 MiB of stack: %ld\n", deep(512));   /* dies by SIGSEGV */
        return 0;
    }
    if (!strcmp(what, "as")) {
        set(RLIMIT_AS, 64L << 20);
        printf("mmap 128M: %s\n", e(mmap(NULL, 128L << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED));
        printf("mmap 16M: %s\n", e(mmap(NULL, 16L << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED));
        printf("sbrk 64M: %s\n", e(sbrk(64L << 20) == (void *)-1));
        return 0;
    }
    if (!strcmp(what, "data")) {
        set(RLIMIT_DATA, 1L << 20);
        printf("sbrk 4M: %s\n", e(sbrk(4L << 20) == (void *)-1));
        printf("mmap 4M rw private: %s\n", e(mmap(NULL, 4L << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED));
        printf("mmap 4M read-only: %s\n", e(mmap(NULL, 4L << 20, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED));
        printf("mmap 4M shared: %s\n", e(mmap(NULL, 4L << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0) == MAP_FAILED));
        return 0;
    }
    if (!strcmp(what, "memlock")) {
        set(RLIMIT_MEMLOCK, 64 << 10);
        char *p = mmap(NULL, 256 << 10, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        printf("mlock 128K: %s\n", e(mlock(p, 128 << 10)));
        printf("mlock 64K: %s\n", e(mlock(p, 64 << 10)));
        printf("mlock the same again: %s\n", e(mlock(p, 64 << 10)));
        printf("mlock 4K more: %s\n", e(mlock(p + (64 << 10), 4096)));
        printf("munlock: %s\n", e(munlock(p, 64 << 10)));
        printf("MAP_LOCKED 128K: %s\n", e(mmap(NULL, 128 << 10, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0) == MAP_FAILED));
        printf("mlockall: %s\n", e(mlockall(MCL_CURRENT)));
        set(RLIMIT_MEMLOCK, 0);
        printf("mlock with limit 0: %s\n", e(mlock(p, 4096)));
        return 0;
    }
    if (!strcmp(what, "pressure")) {
        /* 1 MiB locked, then 8 MiB touched on a small machine: the locked pages stay in RAM */
        char *locked = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED, -1, 0);
        for (long i = 0; i < (1 << 20); i += ps) locked[i] = 7;
        char *big = mmap(NULL, 8 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        for (int round = 0; round < 2; round++)
            for (long i = 0; i < (8 << 20); i += ps) big[i] = 1;
        unsigned char vl[256], vb[2048];
        mincore(locked, 1 << 20, vl);
        mincore(big, 8 << 20, vb);
        int rl = 0, rb = 0;
        for (int i = 0; i < 256; i++) rl += vl[i] & 1;
        for (int i = 0; i < 2048; i++) rb += vb[i] & 1;
        printf("locked resident %d of 256; the rest: %s\n", rl, rb < 2048 ? "partly swapped" : "all resident");
        return 0;
    }
    if (!strcmp(what, "mremap")) {
        char *p = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        void *q = mremap(p, 4 * ps, 1UL << 62, MREMAP_MAYMOVE);
        printf("mremap to 2^62 may move: %s\n", e(q == MAP_FAILED));
        q = mremap(p, 4 * ps, SIZE_MAX, MREMAP_MAYMOVE);
        printf("mremap to SIZE_MAX: %s\n", e(q == MAP_FAILED));
        q = mremap(p, 4 * ps, 1L << 30, MREMAP_MAYMOVE);
        printf("mremap to 1G may move: %s\n", e(q == MAP_FAILED));
        return 0;
    }
    return 2;
}
