/* exit_3: exits with status 3; the harness checks the wait status (exit(3) -> 3). */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("exiting with 3\n");
    exit(3);
}
