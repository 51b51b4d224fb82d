/* mm_guard_page: A PROT_NONE guard page after a buffer: running off the end faults (SIGSEGV, status 139). */
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    long pg = 4096;
    char *buf = mmap(NULL, 3 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    printf("guard: %d\n", mprotect(buf + 2 * pg, pg, PROT_NONE));
    long i;
    for (i = 0; i < 2 * pg; i++) buf[i] = (char)i;
    printf("filled %ld bytes before the guard\n", i);
    /* PROT_NONE keeps the data: opening the page again shows what was there */
    buf[2 * pg - 1] = 7;
    mprotect(buf + pg, 2 * pg, PROT_NONE);
    mprotect(buf + pg, pg, PROT_READ);
    printf("data kept under PROT_NONE: %d\n", buf[2 * pg - 1]);
    fflush(stdout);
    volatile char c = buf[2 * pg];
    printf("not reached %d\n", c);
    return 0;
}
