/* mm_mprotect_segv: A store to a page made read-only by mprotect is SIGSEGV (killed: status 139). */
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    char *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 'w';
    printf("mprotect: %d\n", mprotect(p, 4096, PROT_READ));
    printf("still readable: %c\n", p[0]);
    fflush(stdout);
    p[1] = 'x';
    printf("not reached\n");
    return 0;
}
