/* sig_segv_longjmp: SIGSEGV caught and recovered with siglongjmp, again and again: the fault address and (continued) */
/*
 * SEGV_MAPERR vs SEGV_ACCERR in siginfo, the mask restored by siglongjmp, and a stack
 * overflow caught on an alternate signal stack. */
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

static sigjmp_buf env;
static volatile void *fault_addr;
static volatile int fault_code, fault_sig;

static void on_fault(int sig, siginfo_t *si, void *uc) {
    (void)uc;
    fault_sig = sig;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(env, 1);
}

static const char rodata[] = "read only";

static int depth_reached;
static int recurse(int n) {
    volatile char pad[1024];
    pad[0] = (char)n;
    depth_reached = n;
    return recurse(n + 1) + pad[0];
}

int main(void) {
    stack_t ss = {.ss_sp = malloc(65536), .ss_size = 65536, .ss_flags = 0};
    sigaltstack(&ss, 0);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigaction(SIGSEGV, &sa, 0);
    sigaction(SIGBUS, &sa, 0);

    char *page = mmap(0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct { const char *what; volatile char *addr; int write; } cases[] = {
        {"NULL read", (volatile char *)0, 0},
        {"address 0x10 write", (volatile char *)0x10, 1},
        {"read-only page write", (volatile char *)page + 100, 1},
        {".rodata write", (volatile char *)rodata, 1},
        {"NULL read again", (volatile char *)0, 0},
    };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        if (sigsetjmp(env, 1) == 0) {
            if (cases[i].write) *cases[i].addr = 1; else (void)*cases[i].addr;
            printf("%s: no fault\n", cases[i].what);
        } else {
            printf("%s: signal %d code %s addr-matches %d\n", cases[i].what, fault_sig,
                   fault_code == SEGV_MAPERR ? "SEGV_MAPERR" : fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
                   fault_addr == (void *)cases[i].addr);
        }
    }
    sigset_t cur;
    sigprocmask(SIG_BLOCK, 0, &cur);
    printf("SIGSEGV blocked after siglongjmp: %d\n", sigismember(&cur, SIGSEGV));

    if (sigsetjmp(env, 1) == 0) {
        recurse(0);
    } else {
        printf("stack overflow caught: signal %d, deep: %d\n", fault_sig, depth_reached > 1000);
    }
    munmap(page, 4096);
    return 0;
}
