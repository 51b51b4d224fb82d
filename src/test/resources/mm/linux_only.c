/* Where qemu-riscv64 strays from Linux, checked against the expected text in LinuxOnlyTest
 * (taken from this program built natively on x86-64 Linux). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void)sig; (void)ctx;
    printf("stack overflow: %s\n", si->si_code == SEGV_MAPERR ? "SEGV_MAPERR" : si->si_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other");
    fflush(stdout);
    _exit(0);
}

static int deeper(int n) {
    volatile char frame[4096];
    frame[0] = (char)n;
    return deeper(n + 1) + frame[0];
}

static void show(const char *what, long r) {
    if (r == -1 || r == (long)MAP_FAILED) printf("%-36s -1 %s\n", what, strerrorname_np(errno));
    else printf("%-36s ok\n", what);
    errno = 0;
}

int main(void) {
    long pg = 4096;
    char *a = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    show("MAP_FIXED_NOREPLACE over a mapping", (long)mmap(a + pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0));
    char *hole = mmap(NULL, 8 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(hole, 8 * pg);
    char *got = mmap(hole + pg, pg, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    show("MAP_FIXED_NOREPLACE on free space", (long)got);
    printf("placed where asked: %d\n", got == hole + pg);
    show("mprotect length 0", mprotect(a, 0, PROT_READ));
    show("madvise bad advice", madvise(a, pg, 999));
    munmap(a + 2 * pg, pg);
    show("madvise over a hole", madvise(a, 4 * pg, MADV_DONTNEED));
    show("mremap to length 0", (long)mremap(a, pg, 0, MREMAP_MAYMOVE));
    unsigned char vec[4];
    char *pop = mmap(NULL, 4 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    mincore(pop, 4 * pg, vec);
    printf("MAP_POPULATE resident: %d%d%d%d\n", vec[0], vec[1], vec[2], vec[3]);
    int fd = open("/tmp/linux_only.dat", O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "x", 1);
    show("MAP_SHARED_VALIDATE|MAP_SYNC", (long)mmap(NULL, pg, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, fd, 0));
    unlink("/tmp/linux_only.dat");
    /* Linux reports running off the stack as SEGV_MAPERR (qemu 7.2: SEGV_ACCERR) */
    stack_t ss = {.ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0};
    sigaltstack(&ss, NULL);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, NULL);
    fflush(stdout);
    return deeper(0);
}
