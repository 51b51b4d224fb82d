/* mm_stack_overflow: Unbounded recursion runs the stack into its limit: SIGSEGV (killed: status 139). */
#include <stdio.h>

static int depth(int n) {
    volatile char frame[4096];
    frame[0] = (char)n;
    return depth(n + 1) + frame[0];
}

int main(void) {
    printf("recursing\n");
    fflush(stdout);
    return depth(0);
}
