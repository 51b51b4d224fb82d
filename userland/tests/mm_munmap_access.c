/* mm_munmap_access: Reading a page after munmap is SIGSEGV (killed: status 139). */
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    int *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    p[0] = 42;
    p[1024] = 43;
    printf("before: %d %d\n", p[0], p[1024]);
    printf("munmap first page: %d\n", munmap(p, 4096));
    printf("second page still there: %d\n", p[1024]);
    fflush(stdout);
    volatile int v = p[0];
    printf("not reached %d\n", v);
    return 0;
}
