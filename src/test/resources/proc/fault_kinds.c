/* One fault per run, chosen by argv[1]; FaultReportTest reads the machine's line about it. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

__attribute__((noinline)) void poke(volatile int *p) { *p = 1; }
__attribute__((noinline)) int peek(volatile int *p) { return *p; }

int main(int argc, char **argv) {
    const char *what = argc > 1 ? argv[1] : "null";
    if (!strcmp(what, "null")) poke(0);
    if (!strcmp(what, "rodata")) poke((volatile int *) "a string literal");
    if (!strcmp(what, "none")) {
        int *p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return peek(p);
    }
    if (!strcmp(what, "exec")) {
        static int data[4];
        ((void (*)(void)) data)();
    }
    return 0;
}
