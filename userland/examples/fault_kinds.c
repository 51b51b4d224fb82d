/* fault_kinds: question 4 ("What is a page fault? What are the types? When does it result in
 * a SEGFAULT?"): touch fresh pages, then make the two accesses the kernel refuses.
 *
 * What it shows: touching a mapped page that has no frame yet is a minor fault, which the
 * kernel serves without telling the program (getrusage counts it). An access to an address
 * no region covers (NULL), or one the region forbids (a store to a read-only page), is an
 * invalid fault: the kernel sends SIGSEGV, with si_code SEGV_MAPERR or SEGV_ACCERR.
 * (A major fault needs the disk or swap: see `vitrine run --swap`.)
 * What to look at: the minor-fault count grows; the two SIGSEGV lines and their codes.
 * Outcome, on Linux and on Vitrine: "minor faults while touching 16 new pages: at least 16",
 * then SIGSEGV at 0x0 (SEGV_MAPERR) and at the read-only page (SEGV_ACCERR).
 */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>

static sigjmp_buf back;
static void *fault_addr;
static int fault_code;

static void on_segv(int sig, siginfo_t *si, void *ctx) {
    (void) sig; (void) ctx;
    fault_addr = si->si_addr;
    fault_code = si->si_code;
    siglongjmp(back, 1);
}

static long minflt(void) {
    struct rusage u;
    getrusage(RUSAGE_SELF, &u);
    return u.ru_minflt;
}

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 16 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    long before = minflt();
    for (int i = 0; i < 16; i++) p[i * page] = 1;
    long faults = minflt() - before;
    printf("minor faults while touching 16 new pages: %s16\n", faults >= 16 ? "at least " : "fewer than ");

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);

    volatile char *null = NULL;
    if (sigsetjmp(back, 1) == 0) printf("read NULL: %d\n", *null);
    else printf("load from %p: SIGSEGV, %s (no region there)\n", fault_addr, fault_code == SEGV_MAPERR ? "SEGV_MAPERR" : "another code");

    char *ro = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (sigsetjmp(back, 1) == 0) { ro[0] = 1; printf("store to a read-only page succeeded\n"); }
    else printf("store to the read-only page: SIGSEGV at %s, %s (the region forbids it)\n",
                fault_addr == ro ? "its address" : "another address", fault_code == SEGV_ACCERR ? "SEGV_ACCERR" : "another code");
    return 0;
}
