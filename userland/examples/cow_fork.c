/* cow_fork: what fork does to frames. The parent fills 4 pages of a private area, forks, and
 * the child writes the first page: until then parent and child map the same 4 frames
 * read-only (copy-on-write); the child's store copies that one page. Run it under
 * --show pagetable,frames --show-at fork|cow|exit to see the tables at each step. */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    long ps = sysconf(_SC_PAGESIZE);
    char *area = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (area == MAP_FAILED) return 1;
    memset(area, 'p', 4 * ps);
    pid_t child = fork();
    if (child == 0) {
        area[0] = 'c';
        printf("child %d: my first page now says %c\n", getpid(), area[0]);
        return 0;
    }
    waitpid(child, NULL, 0);
    printf("parent %d: mine still says %c\n", getpid(), area[0]);
    return 0;
}
