/* mm_map_edges: MAP_FIXED at the top of the address space is ENOMEM, mmap of /dev/zero (private: anonymous; shared: one shared zero-filled object across fork; read-only shared: no PROT_WRITE later), /dev/full is ENODEV, msync MS_INVALIDATE of a MAP_LOCKED area is EBUSY, a write-sealed memfd maps shared only read-only and never writable, and F_SEAL_WRITE is EBUSY while a shared mapping may write */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) { printf("%s: %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : ""); }
static long ok(void *p) { return p == MAP_FAILED ? -1 : 0; }

int main(void) {
    long pg = sysconf(_SC_PAGESIZE);
    char path[64];
    snprintf(path, sizeof path, "/tmp/mm_map_edges.%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    if (ftruncate(fd, pg)) return 1;
    show("MAP_FIXED at -page", ok(mmap((void *) -pg, pg, PROT_READ, MAP_SHARED | MAP_FIXED, fd, 0)));
    show("MAP_FIXED at -2 pages, 2 pages", ok(mmap((void *) (-2 * pg), 2 * pg, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0)));
    show("MAP_FIXED at 1<<63", ok(mmap((void *) (1UL << 63), pg, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0)));

    int z = open("/dev/zero", O_RDWR);
    char *p = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, z, 0);
    show("/dev/zero private", ok(p));
    if (p != MAP_FAILED) { p[5] = 7; printf("reads %d %d\n", p[5], p[pg + 5]); }
    char *s = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, z, 0);
    show("/dev/zero shared", ok(s));
    if (s != MAP_FAILED) {
        pid_t c = fork();
        if (c == 0) { s[10] = 42; _exit(0); }
        waitpid(c, NULL, 0);
        printf("the child's store is seen: %d\n", s[10]);
    }
    int zr = open("/dev/zero", O_RDONLY);
    char *r = mmap(NULL, pg, PROT_READ, MAP_SHARED, zr, 0);
    show("/dev/zero read-only, shared, PROT_READ", ok(r));
    show("mprotect it PROT_WRITE", mprotect(r, pg, PROT_READ | PROT_WRITE));
    show("/dev/zero read-only, shared, PROT_WRITE", ok(mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, zr, 0)));
    char *rp = mmap(NULL, pg, PROT_READ, MAP_PRIVATE, zr, 0);
    show("/dev/zero read-only, private", ok(rp));
    show("mprotect that PROT_WRITE", mprotect(rp, pg, PROT_READ | PROT_WRITE));
    int full = open("/dev/full", O_RDWR);
    show("/dev/full", ok(mmap(NULL, pg, PROT_READ, MAP_PRIVATE, full, 0)));

    char *l = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_LOCKED, fd, 0);
    show("MAP_LOCKED file mapping", ok(l));
    show("msync MS_INVALIDATE", msync(l, pg, MS_INVALIDATE));
    show("msync MS_SYNC", msync(l, pg, MS_SYNC));
    show("msync MS_ASYNC|MS_INVALIDATE", msync(l, pg, MS_ASYNC | MS_INVALIDATE));
    munlock(l, pg);
    show("msync MS_INVALIDATE after munlock", msync(l, pg, MS_INVALIDATE));

    int m = memfd_create("sealed", MFD_ALLOW_SEALING);
    if (ftruncate(m, pg)) return 1;
    char *w = mmap(NULL, pg, PROT_READ, MAP_SHARED, m, 0);
    show("F_SEAL_WRITE with a shared mapping that may write", fcntl(m, F_ADD_SEALS, F_SEAL_WRITE));
    munmap(w, pg);
    w = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, m, 0);
    show("F_SEAL_WRITE with a private mapping", fcntl(m, F_ADD_SEALS, F_SEAL_WRITE));
    munmap(w, pg);
    show("sealed memfd, shared, PROT_WRITE", ok(mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, m, 0)));
    char *ms = mmap(NULL, pg, PROT_READ, MAP_SHARED, m, 0);
    show("sealed memfd, shared, PROT_READ", ok(ms));
    show("mprotect it PROT_WRITE", mprotect(ms, pg, PROT_READ | PROT_WRITE));
    char *mp = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, m, 0);
    show("sealed memfd, private, PROT_WRITE", ok(mp));
    if (mp != MAP_FAILED) { mp[0] = 1; printf("private copy written: %d\n", mp[0]); }
    unlink(path);
    return 0;
}
