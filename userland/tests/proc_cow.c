/* proc_cow: Copy on write: after fork, parent and child each see their own copy of a large heap; (continued) */
/*
 * the child's writes never reach the parent, and the parent's later writes never reach the child. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#define SIZE (4 << 20)

int main(void) {
    unsigned char *heap = malloc(SIZE);
    for (int i = 0; i < SIZE; i++) heap[i] = (unsigned char)(i * 7);
    static int global = 42;
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        heap[8192] = 0xAA;        /* one page */
        global = 7;
        long sum = 0;
        for (int i = 0; i < SIZE; i += 4096) sum += heap[i];
        printf("child: heap[8192]=%#x global=%d sum=%ld\n", heap[8192], global, sum);
        exit(0);
    }
    int st;
    waitpid(p, &st, 0);
    printf("parent: heap[8192]=%#x global=%d status=%d\n", heap[8192], global, WEXITSTATUS(st));
    return 0;
}
