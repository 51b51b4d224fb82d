/* fork + exit + wait of a process with MIB MiB of anonymous memory touched: the cost of
 * copying its page tables copy-on-write (uvmcopy) and of tearing the child's down again.
 * Usage: fork MIB FORKS; bench/fork/run.sh takes the difference of two FORKS counts. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    long mib = argc > 1 ? atol(argv[1]) : 64, forks = argc > 2 ? atol(argv[2]) : 10;
    long page = sysconf(_SC_PAGESIZE), bytes = mib << 20;
    char *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) { perror("mmap"); return 1; }
    for (long i = 0; i < bytes; i += page) p[i] = 1;
    long ok = 0;
    for (long k = 0; k < forks; k++) {
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 1; }
        if (pid == 0) _exit(p[k * page % bytes]);
        int st;
        if (waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 1) ok++;
    }
    printf("%ld of %ld children saw the parent's memory\n", ok, forks);
    return 0;
}
