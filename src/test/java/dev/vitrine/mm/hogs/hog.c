/* hog: one way to make the kernel hold memory per argument; each must end in an errno or an OOM report, never a dead JVM */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char buf[1 << 20];

/* Writes 1 MiB at a time to /tmp until the file system says no. */
static int bigfile(void) {
    int fd = open("/tmp/big", O_CREAT | O_WRONLY | O_TRUNC, 0600);
    long total = 0;
    memset(buf, 'x', sizeof buf);
    for (;;) {
        ssize_t n = write(fd, buf, sizeof buf);
        if (n < 0) { printf("bigfile: %s after %ld MiB\n", strerror(errno), total >> 20); break; }
        total += n;
    }
    close(fd);
    unlink("/tmp/big");
    /* the space came back: a new file can be written */
    fd = open("/tmp/again", O_CREAT | O_WRONLY | O_TRUNC, 0600);
    printf("after unlink: %zd\n", write(fd, buf, sizeof buf));
    return 0;
}

/* One byte at 4 TiB, then reads around it: sparse, so nothing else is held. */
static int sparse(void) {
    int fd = open("/tmp/sparse", O_CREAT | O_RDWR | O_TRUNC, 0600);
    long at = 1L << 42;
    printf("pwrite 4T: %zd\n", pwrite(fd, "z", 1, at));
    struct stat st;
    fstat(fd, &st);
    printf("size %lld blocks %lld\n", (long long)st.st_size, (long long)st.st_blocks);
    char c = 1;
    printf("pread 2^41: %zd %d\n", pread(fd, &c, 1, 1L << 41), c);
    printf("pread 4T: %zd %c\n", pread(fd, &c, 1, at), c);
    printf("pread 2^44: %zd\n", pread(fd, &c, 1, 1L << 44));
    errno = 0;
    printf("pwrite 2^62: %zd\n", pwrite(fd, "y", 1, 1L << 62));
    errno = 0;
    printf("pwrite max-1: %zd %s\n", pwrite(fd, "ab", 2, 0x7ffffffffffffffeL), strerror(errno));
    errno = 0;
    printf("pwrite max: %zd %s\n", pwrite(fd, "a", 1, 0x7fffffffffffffffL), strerror(errno));
    return 0;
}

/* 8 processes, each filling as many 1 MiB pipes as it can. */
static int pipes(void) {
    for (int i = 0; i < 8; i++) {
        if (fork() == 0) {
            int made = 0, err = 0;
            long bytes = 0;
            for (;;) {
                int p[2];
                if (pipe2(p, O_NONBLOCK) < 0) { err = errno; break; }
                if (fcntl(p[1], F_SETPIPE_SZ, 1 << 20) < 0 && !err) err = -errno;
                made++;
                ssize_t n;
                while ((n = write(p[1], buf, 65536)) > 0) bytes += n;
                if (n < 0 && errno != EAGAIN) { err = errno; break; }
            }
            printf("child: %d pipes, %ld MiB, stopped by %s\n", made > 0, bytes >> 20 > 0 ? 1L : 0L, strerror(err < 0 ? -err : err));
            _exit(0);
        }
    }
    int st, n = 0;
    while (wait(&st) > 0) n++;
    printf("pipes: %d children ended\n", n);
    return 0;
}

/* 16 GiB of shared anonymous memory: one mapping (refused), then 64 MiB pieces touched until the OOM killer. */
static int shared(void) {
    void *p = mmap(NULL, 16L << 30, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    printf("16G at once: %s\n", p == MAP_FAILED ? strerror(errno) : "mapped");
    if (p != MAP_FAILED) munmap(p, 16L << 30);
    fflush(stdout);
    for (long total = 0; total < (16L << 30); total += 64L << 20) {
        char *q = mmap(NULL, 64L << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (q == MAP_FAILED) { printf("piece: %s\n", strerror(errno)); return 0; }
        for (long i = 0; i < (64L << 20); i += 4096) q[i] = 1;
    }
    printf("16G touched\n");
    return 0;
}

/* 80,000 one-page mappings: alike (they merge into one area) and alternating (they cannot). */
static int maps(void) {
    int ok = 0;
    for (int i = 0; i < 80000; i++)
        if (mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) != MAP_FAILED) ok++;
    printf("alike: %d mapped\n", ok);
    int err = 0;
    ok = 0;
    for (int i = 0; i < 80000; i++) {
        if (mmap(NULL, 4096, i & 1 ? PROT_READ : PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED) { err = errno; break; }
        ok++;
    }
    printf("alternating: stopped by %s (%s)\n", strerror(err), ok > 60000 ? "over 60000" : "few");
    return 0;
}

/* execve of a copy of itself stretched to 3 GiB (sparse): the loader reads headers, not the file. */
static int execbig(int argc, char **argv) {
    if (argc > 2) { printf("execbig: second run: %s\n", argv[2]); return 0; }
    int in = open("/proc/self/exe", O_RDONLY), out = open("/tmp/big", O_WRONLY | O_CREAT | O_TRUNC, 0755);
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0) write(out, buf, n);
    if (ftruncate(out, 3L << 30) != 0) { perror("execbig: ftruncate"); return 1; }
    close(in);
    close(out);
    char *args[] = {"hog", "execbig", "from the sparse copy", NULL};
    execv("/tmp/big", args);
    perror("execbig: execv");
    return 1;
}

int main(int argc, char **argv) {
    setvbuf(stdout, NULL, _IONBF, 0);
    const char *what = argc > 1 ? argv[1] : "";
    if (!strcmp(what, "bigfile")) return bigfile();
    if (!strcmp(what, "sparse")) return sparse();
    if (!strcmp(what, "pipes")) return pipes();
    if (!strcmp(what, "shared")) return shared();
    if (!strcmp(what, "maps")) return maps();
    if (!strcmp(what, "execbig")) return execbig(argc, argv);
    fprintf(stderr, "usage: hog bigfile|sparse|pipes|shared|maps|execbig\n");
    return 2;
}
