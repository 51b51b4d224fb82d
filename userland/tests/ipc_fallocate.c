/* ipc_fallocate: fallocate on tmpfs (a memfd and a /dev/shm file): allocating with and without FALLOC_FL_KEEP_SIZE, punching holes (bytes, blocks, SEEK_HOLE, a shared mapping), seals, RLIMIT_FSIZE, and the mode and descriptor errnos */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static void st(const char *what, int fd) {
    struct stat s;
    fstat(fd, &s);
    printf("%s: size %ld blocks %ld\n", what, (long) s.st_size, (long) s.st_blocks);
}

int main(void) {
    int fd = memfd_create("falloc", MFD_ALLOW_SEALING);
    show("allocate 10000", fallocate(fd, 0, 0, 10000));
    st("after", fd);
    show("keep size, 20000+5000", fallocate(fd, FALLOC_FL_KEEP_SIZE, 20000, 5000));
    st("after", fd);
    show("SEEK_DATA past the size", lseek(fd, 12000, SEEK_DATA));
    char buf[12288];
    memset(buf, 'x', sizeof buf);
    pwrite(fd, buf, 10000, 0);
    /* A shared mapping of another memfd sees its holes punched (its faults allocate pages, so its blocks are not shown). */
    int mf = memfd_create("mapped", 0);
    pwrite(mf, buf, 10000, 0);
    char *m = mmap(NULL, 12288, PROT_READ | PROT_WRITE, MAP_SHARED, mf, 0);
    m[5000] = 'M';
    show("mapped: punch 100+8000", fallocate(mf, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 100, 8000));
    char mb[10000];
    pread(mf, mb, 10000, 0);
    printf("mapped: [5000] read %d mapped %d [99]=%c [8100]=%c\n", mb[5000], m[5000], m[99], m[8100]);
    show("mapped: punch 0+8192", fallocate(mf, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 8192));
    printf("mapped after: [0]=%d [8191]=%d [8192]=%c\n", m[0], m[8191], m[8192]);
    m[0] = 'n';
    pread(mf, mb, 1, 0);
    printf("store through the mapping seen by read: %c\n", mb[0]);
    munmap(m, 12288);

    show("punch 100+8000", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 100, 8000));
    st("after", fd);
    pread(fd, buf, 10000, 0);
    printf("bytes: [99]=%c [100]=%d [5000]=%d [8099]=%d [8100]=%c\n", buf[99], buf[100], buf[5000], buf[8099], buf[8100]);
    show("punch 0+8192", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 8192));
    st("after", fd);
    show("SEEK_HOLE from 0", lseek(fd, 0, SEEK_HOLE));
    show("SEEK_DATA from 0", lseek(fd, 0, SEEK_DATA));
    show("punch past the end", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 50000, 4096));
    st("after", fd);
    show("allocate inside", fallocate(fd, 0, 0, 100));
    st("after", fd);

    show("len 0", fallocate(fd, 0, 0, 0));
    show("offset -1", fallocate(fd, 0, -1, 10));
    show("punch without keep size", fallocate(fd, FALLOC_FL_PUNCH_HOLE, 0, 10));
    show("zero range", fallocate(fd, FALLOC_FL_ZERO_RANGE, 0, 10));
    show("punch and zero", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_ZERO_RANGE | FALLOC_FL_KEEP_SIZE, 0, 10));
    show("collapse with keep size", fallocate(fd, FALLOC_FL_COLLAPSE_RANGE | FALLOC_FL_KEEP_SIZE, 0, 4096));
    show("collapse", fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, 0, 4096));
    show("insert", fallocate(fd, FALLOC_FL_INSERT_RANGE, 0, 4096));
    show("unknown mode 0x100", fallocate(fd, 0x100, 0, 10));
    show("end past the largest file", fallocate(fd, 0, 0x7fffffffffffff00L, 0x1000));
    show("bad fd", fallocate(99, 0, 0, 10));
    int p[2];
    pipe(p);
    show("pipe", fallocate(p[1], 0, 0, 10));
    show("pipe read end", fallocate(p[0], 0, 0, 10));
    int null = open("/dev/null", O_WRONLY);
    show("/dev/null", fallocate(null, 0, 0, 10));
    char name[64];
    snprintf(name, sizeof name, "/dev/shm/falloc-%d", getpid());
    int sf = open(name, O_CREAT | O_RDWR, 0600);
    show("/dev/shm file", fallocate(sf, 0, 4096, 4096));
    st("it", sf);
    int ro = open(name, O_RDONLY);
    show("read-only descriptor", fallocate(ro, 0, 0, 10));
    int op = open(name, O_PATH);
    show("O_PATH descriptor", fallocate(op, 0, 0, 10));
    unlink(name);

    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {20000, RLIM_INFINITY};
    setrlimit(RLIMIT_FSIZE, &rl);
    show("past RLIMIT_FSIZE", fallocate(fd, 0, 16384, 8192));
    show("past it, keep size", fallocate(fd, FALLOC_FL_KEEP_SIZE, 16384, 8192));
    show("punch past it", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 16384, 8192));
    rl.rlim_cur = RLIM_INFINITY;
    setrlimit(RLIMIT_FSIZE, &rl);

    fcntl(fd, F_ADD_SEALS, F_SEAL_GROW);
    show("grow sealed", fallocate(fd, 0, 0, 20000));
    show("within the size, grow sealed", fallocate(fd, 0, 0, 100));
    fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE);
    show("punch write-sealed", fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 100));
    return 0;
}
