/* killed_segv: a store to an unmapped address with no handler - death by SIGSEGV (signal 11); output flushed before it survives. */
#include <stdio.h>

int main(void)
{
    printf("about to store to address 0x10\n");
    fflush(stdout);
    *(volatile int *)0x10 = 1;
    printf("not reached\n");
    return 0;
}
