/* exit_underscore: _exit(42) skips stdio flushing: the buffered line is lost, the write(2) line is not. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    printf("buffered and then lost\n");
    const char *m = "written with write(2)\n";
    if (write(1, m, strlen(m)) < 0) return 1;
    _exit(42);
}
