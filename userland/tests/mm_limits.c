/* mm_limits: lengths and offsets at their extremes (ftruncate, pread/pwrite, SEEK_DATA/SEEK_HOLE, mremap, mincore, munmap, mprotect), RLIMIT_FSIZE, RLIMIT_NOFILE */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *err(long r) { return r < 0 ? strerrorname_np(errno) : "ok"; }

static void files(void) {
    char path[64], b[8192];
    snprintf(path, sizeof path, "/tmp/mm_limits.%d", getpid());
    int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
    unlink(path);
    memset(b, 'x', sizeof b);
    write(fd, b, 100);
    /* grow, then shrink: the page list must not break */
    printf("ftruncate 3 pages: %s\n", err(ftruncate(fd, 3 * 4096)));
    printf("ftruncate 10: %s\n", err(ftruncate(fd, 10)));
    /* shrink and regrow: the bytes past the cut read as zeros */
    printf("ftruncate 200: %s\n", err(ftruncate(fd, 200)));
    memset(b, 1, sizeof b);
    printf("pread: %zd\n", pread(fd, b, 200, 0));
    int zeros = 0, xs = 0;
    for (int i = 0; i < 200; i++) { zeros += b[i] == 0; xs += b[i] == 'x'; }
    printf("x %d zero %d\n", xs, zeros);
    /* offsets far out: a read past the end is 0, never another offset's bytes */
    printf("pread 2^43: %zd\n", pread(fd, b, 1, 1L << 43));
    printf("pread 2^44: %zd\n", pread(fd, b, 1, 1L << 44));
    printf("pwrite 2^42: %zd\n", pwrite(fd, "z", 1, 1L << 42));
    struct stat st;
    fstat(fd, &st);
    printf("size %lld\n", (long long)st.st_size);
    b[0] = 0;
    long n = pread(fd, b, 1, 1L << 42);
    printf("pread 2^42: %ld %c\n", n, b[0]);
    n = pread(fd, b, 1, (1L << 42) - 4096);
    printf("pread 2^42-4096: %ld %d\n", n, b[0]);
    /* SEEK_DATA and SEEK_HOLE see the sparse file's two pages */
    printf("SEEK_DATA 0: %lld, SEEK_HOLE 0: %lld\n", (long long)lseek(fd, 0, SEEK_DATA), (long long)lseek(fd, 0, SEEK_HOLE));
    printf("SEEK_DATA 5000 at 2^42: %d\n", lseek(fd, 5000, SEEK_DATA) == 1L << 42);
    printf("SEEK_HOLE 2^42 at the end: %d\n", lseek(fd, 1L << 42, SEEK_HOLE) == st.st_size);
    printf("SEEK_DATA at the end: %s\n", err(lseek(fd, st.st_size, SEEK_DATA)));
    long r = pwrite(fd, "ab", 2, INT64_MAX - 1);
    printf("pwrite at max-1: %s\n", err(r));
    r = pwrite(fd, "a", 1, -1);
    printf("pwrite at -1: %s\n", err(r));
    r = pread(fd, b, 1, -4096);
    printf("pread at -4096: %s\n", err(r));
    printf("ftruncate -1: %s\n", err(ftruncate(fd, -1)));
    printf("ftruncate 0: %s\n", err(ftruncate(fd, 0)));
    close(fd);
}

static void mappings(void) {
    long ps = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 1;
    unsigned char vec[4];
    printf("mincore SIZE_MAX: %s\n", err(mincore(p, SIZE_MAX, vec)));
    printf("mincore 2^62: %s\n", err(mincore(p, 1UL << 62, vec)));
    const char *e = err(mincore(p, 4 * ps, vec));
    printf("mincore 4 pages: %s %d\n", e, vec[0] & 1);
    printf("munmap SIZE_MAX: %s\n", err(munmap(p, SIZE_MAX)));
    printf("munmap 2^63: %s\n", err(munmap(p, 1UL << 63)));
    printf("mprotect SIZE_MAX: %s\n", err(mprotect(p, SIZE_MAX, PROT_READ)));
    printf("madvise SIZE_MAX: %s\n", err(madvise(p, SIZE_MAX, MADV_DONTNEED)));
    void *q = mremap(p, 4 * ps, 1UL << 63, 0);
    printf("mremap to 2^63: %s\n", q == MAP_FAILED ? strerrorname_np(errno) : "moved");
    /* (qemu-user emulates mremap and answers ENOMEM where Linux 6.18 says EINVAL for a length past
       TASK_SIZE with MREMAP_MAYMOVE: MemLimitsTest checks those against the native answers) */
    /* the program's own text is still there */
    printf("still running, p[0] = %d\n", p[0]);
    printf("munmap: %s\n", err(munmap(p, 4 * ps)));
}

static void fsize(void) {
    char path[64], b[20000];
    snprintf(path, sizeof path, "/tmp/mm_limits_f.%d", getpid());
    int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
    unlink(path);
    memset(b, 'y', sizeof b);
    struct rlimit rl = {10000, RLIM_INFINITY};
    printf("setrlimit FSIZE: %s\n", err(setrlimit(RLIMIT_FSIZE, &rl)));
    signal(SIGXFSZ, SIG_IGN);
    printf("write 20000: %zd\n", write(fd, b, sizeof b));
    long r = write(fd, b, 1);
    printf("write at the limit: %s\n", err(r));
    printf("ftruncate past the limit: %s\n", err(ftruncate(fd, 20000)));
    printf("ftruncate below: %s\n", err(ftruncate(fd, 5000)));
    r = pwrite(fd, b, 100, 9950);
    printf("pwrite across: %ld\n", r);
    rl.rlim_cur = RLIM_INFINITY;
    setrlimit(RLIMIT_FSIZE, &rl);
    printf("write after lifting: %zd\n", write(fd, b, 10));
    close(fd);
}

static void nofile(void) {
    struct rlimit rl;
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = 8;
    printf("setrlimit NOFILE 8: %s\n", err(setrlimit(RLIMIT_NOFILE, &rl)));
    int n = 0, e = 0;
    for (;;) {
        int fd = open("/dev/null", O_RDONLY);
        if (fd < 0) { e = errno; break; }
        n++;
    }
    printf("opened %d more, then %s\n", n, strerrorname_np(e));
    printf("dup2 to 8: %s\n", err(dup2(0, 8)));
    printf("F_DUPFD 8: %s\n", err(fcntl(0, F_DUPFD, 8)));
    int p[2];
    printf("pipe: %s\n", err(pipe(p)));
    rl.rlim_cur = rl.rlim_max + 1;
    printf("setrlimit above max: %s\n", err(setrlimit(RLIMIT_NOFILE, &rl)));
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    files();
    mappings();
    fsize();
    nofile();
    return 0;
}
