/* page_resident: question 3 ("Does a page always need to point to a physical frame?"):
 * map 8 pages, touch pages 0 and 5, and ask mincore(2) which are in memory.
 *
 * What it shows: mmap gives the process address space, not frames. A page gets a frame on
 * its first access (a page fault); until then its page-table entry is not valid.
 * What to look at: only the touched pages are resident.
 * Outcome, on Linux and on Vitrine: "resident: 1 0 0 0 0 1 0 0".
 */
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    char *p = mmap(NULL, 8 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    p[0] = 1;
    p[5 * page] = 1;
    unsigned char vec[8];
    if (mincore(p, 8 * page, vec) != 0) { perror("mincore"); return 1; }
    printf("resident:");
    for (int i = 0; i < 8; i++) printf(" %d", vec[i] & 1);
    printf("\n");
    return 0;
}
