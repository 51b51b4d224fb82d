/* sig_faults: Faults other than SIGSEGV: an illegal instruction is SIGILL (ILL_ILLOPC at its
 * address), ebreak is SIGTRAP (TRAP_BRKPT), a page of a file mapping past the end of the file is
 * SIGBUS (BUS_ADRERR), and integer division by zero raises nothing on RISC-V.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile int got_sig, got_code;
static void *volatile got_addr;

static void on_fault(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    got_sig = sig;
    got_code = si->si_code;
    got_addr = si->si_addr;
    siglongjmp(env, 1);
}

extern char illegal_at[], ebreak_at[];

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGILL, &sa, 0);
    sigaction(SIGTRAP, &sa, 0);
    sigaction(SIGBUS, &sa, 0);

    if (sigsetjmp(env, 1) == 0) {
        __asm__ volatile(".globl illegal_at\nillegal_at: .word 0\n");
        printf("illegal instruction ran\n");
    } else {
        printf("SIGILL: sig %d code %d at the instruction: %d\n", got_sig, got_code, got_addr == (void *)illegal_at);
    }
    if (sigsetjmp(env, 1) == 0) {
        __asm__ volatile(".globl ebreak_at\nebreak_at: ebreak\n");
        printf("ebreak ran\n");
    } else {
        printf("SIGTRAP: sig %d code %d at the instruction: %d\n", got_sig, got_code, got_addr == (void *)ebreak_at);
    }

    char path[64];
    snprintf(path, sizeof path, "/tmp/sig_faults_%d", getpid());
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    write(fd, "abc", 3);
    volatile char *m = mmap(0, 8192, PROT_READ, MAP_SHARED, fd, 0);
    printf("in the file's last page: %c, past its end in that page: %d\n", m[0], m[100]);
    if (sigsetjmp(env, 1) == 0) {
        printf("beyond the file: %d\n", m[4096]);
    } else {
        printf("SIGBUS: sig %d code %d at the address: %d\n", got_sig, got_code, got_addr == (void *)(m + 4096));
    }
    munmap((void *)m, 8192);
    close(fd);
    unlink(path);

    volatile int zero = 0, seven = 7;
    printf("7 / 0 = %d, 7 %% 0 = %d, no signal\n", seven / zero, seven % zero);
    return 0;
}
