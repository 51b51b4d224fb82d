/* nx_bit: question 2.5 ("The NX bit"): put one instruction (RISC-V's ret) in memory and
 * call it, first from a page mapped without execute permission, then from one mapped with it.
 *
 * What it shows: a page's permissions say whether the CPU may fetch instructions from it
 * (x86's NX bit, RISC-V's X bit in the PTE). Fetching from a non-executable page is a
 * page fault the kernel answers with SIGSEGV; from an executable page the call returns.
 * What to look at: the first call faults (SEGV_ACCERR), the second returns.
 * Outcome, on Linux and on Vitrine: "call into a non-executable page: SIGSEGV (SEGV_ACCERR)",
 * then "call into an executable page: returned".
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf back;
static int code;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void) sig; (void) ctx;
    code = si->si_code;
    siglongjmp(back, 1);
}

static const unsigned int RET = 0x00008067; /* jalr x0, 0(ra) */

static void try(const char *what, int prot) {
    long page = sysconf(_SC_PAGESIZE);
    unsigned int *code_page = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memcpy(code_page, &RET, sizeof RET);
    mprotect(code_page, page, prot);
    __builtin___clear_cache((char *) code_page, (char *) code_page + sizeof RET);
    void (*fn)(void) = (void (*)(void)) code_page;
    if (sigsetjmp(back, 1) == 0) {
        fn();
        printf("call into %s page: returned\n", what);
    } else {
        printf("call into %s page: SIGSEGV (%s)\n", what, code == SEGV_ACCERR ? "SEGV_ACCERR" : "another code");
    }
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigaction(SIGSEGV, &sa, NULL);
    try("a non-executable", PROT_READ | PROT_WRITE);
    try("an executable", PROT_READ | PROT_EXEC);
    return 0;
}
