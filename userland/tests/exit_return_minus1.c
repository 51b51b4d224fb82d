/* exit_return_minus1: main returns -1 after atexit handlers run in reverse order; status 255. */
#include <stdio.h>
#include <stdlib.h>

static void h1(void) { printf("atexit 1 (runs last)\n"); }
static void h2(void) { printf("atexit 2 (runs first)\n"); }

int main(void)
{
    atexit(h1);
    atexit(h2);
    printf("returning -1\n");
    return -1;
}
