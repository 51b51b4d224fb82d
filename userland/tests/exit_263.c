/* exit_263: exits with status 263; the harness checks the wait status (exit(263) -> 7). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("exiting with 263\n");
    exit(263);
}
