/* exit_0: exits with status 0; the harness checks the wait status (exit(0) -> 0). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("exiting with 0\n");
    exit(0);
}
