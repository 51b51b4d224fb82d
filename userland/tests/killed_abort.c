/* killed_abort: abort() after flushed output - the process dies by SIGABRT (wait status signal 6, not an exit code); unflushed stdio data is lost. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("about to abort\n");
    fflush(stdout);
    printf("this line stays in the stdio buffer and is lost\n");
    abort();
}
