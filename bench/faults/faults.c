/* Page faults on fresh anonymous memory: ROUNDS times, maps PAGES pages, writes one byte in
 * each (one minor fault per page, a zero-filled page each time), reads them back and unmaps
 * them; prints how many pages it touched. bench/run.sh runs it at two ROUNDS on each engine:
 * faults/s = extra pages / extra seconds. Unmapping between rounds keeps the memory bounded
 * while the count grows, as a long-running program's allocator does. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long pages = argc > 1 ? atol(argv[1]) : 1024, rounds = argc > 2 ? atol(argv[2]) : 1;
    long page = sysconf(_SC_PAGESIZE), sum = 0;
    for (long r = 0; r < rounds; r++) {
        volatile char *p = mmap(NULL, pages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) { perror("mmap"); return 1; }
        for (long i = 0; i < pages; i++) p[i * page] = (char) (i + r);
        for (long i = 0; i < pages; i++) sum += p[i * page] == (char) (i + r);
        munmap((void *) p, pages * page);
    }
    printf("%ld pages touched\n", sum);
    return 0;
}
