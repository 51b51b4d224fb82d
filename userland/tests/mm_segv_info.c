/* mm_segv_info: SIGSEGV's siginfo: SEGV_MAPERR for unmapped addresses, SEGV_ACCERR for protection, si_addr the address. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static sigjmp_buf back;
static volatile int code;
static void *volatile addr;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void)sig; (void)ctx;
    code = si->si_code;
    addr = si->si_addr;
    siglongjmp(back, 1);
}

static void try(const char *what, volatile char *p, int store, void *expect) {
    if (sigsetjmp(back, 1) == 0) {
        if (store) *p = 1; else (void)*p;
        printf("%-28s no fault\n", what);
    } else {
        printf("%-28s %s, address %s\n", what, code == SEGV_MAPERR ? "SEGV_MAPERR" : code == SEGV_ACCERR ? "SEGV_ACCERR" : "other",
               addr == expect ? "exact" : "wrong");
    }
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    mprotect(p + 4096, 4096, PROT_READ);
    mprotect(p + 8192, 4096, PROT_NONE);
    try("NULL", (char *)0, 0, (void *)0);
    try("address 0x10", (char *)0x10, 1, (void *)0x10);
    try("store to read-only page", p + 4096 + 5, 1, p + 4096 + 5);
    try("load from PROT_NONE page", p + 8192 + 7, 0, p + 8192 + 7);
    try("load from read-only page", p + 4096 + 9, 0, p + 4096 + 9);
    try("store to .text", (char *)main, 1, (void *)main);
    munmap(p, 4096);
    try("load after munmap", p + 100, 0, p + 100);
    return 0;
}
