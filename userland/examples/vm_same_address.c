/* vm_same_address: question 1 of the chapter ("What is virtual memory?") on the machine:
 * after fork, parent and child hold a variable at the same virtual address, and the child
 * changes it.
 *
 * What it shows: each process has its own address space. The same virtual address maps to
 * a different physical frame in each process once the child has written (copy-on-write),
 * so the parent still sees its own value.
 * What to look at: both lines print the same address and different values.
 * Outcome, on Linux and on Vitrine: "child: ... = 2", then "parent: ... = 1".
 */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static int value = 1;

int main(void) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        value = 2;
        printf("child:  value at %p = %d\n", (void *) &value, value);
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("parent: value at %p = %d\n", (void *) &value, value);
    return 0;
}
