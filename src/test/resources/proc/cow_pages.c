/* A child of a process with a large heap writes argv[1] pages of it, then exits. */
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(int argc, char **argv) {
    int pages = argc > 1 ? atoi(argv[1]) : 0;
    long size = 8L << 20;
    char *heap = malloc(size);
    for (long i = 0; i < size; i += 4096) heap[i] = 1;
    pid_t p = fork();
    if (p == 0) {
        for (int i = 0; i < pages; i++) heap[(long)i * 4096 + 8192] = 2;
        _exit(0);
    }
    int st;
    waitpid(p, &st, 0);
    return heap[8192];
}
