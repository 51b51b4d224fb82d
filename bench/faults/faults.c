/* Page faults on fresh anonymous memory: maps PAGES pages, writes one byte in each (one
 * minor fault per page), and prints how many it touched. bench/faults/run.sh runs it at two
 * sizes on each engine; faults/s = extra pages / extra seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long pages = argc > 1 ? atol(argv[1]) : 1024;
    long page = sysconf(_SC_PAGESIZE);
    volatile char *p = mmap(NULL, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    long sum = 0;
    for (long i = 0; i < pages; i++) p[i * page] = (char) i;
    for (long i = 0; i < pages; i++) sum += p[i * page] == (char) i;
    printf("%ld pages touched\n", sum);
    return 0;
}
