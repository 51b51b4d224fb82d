/* pagemap_cap_native: /proc/self/pagemap shows frame numbers only to an opener with CAP_SYS_ADMIN: root sees them, a program exec'd by a child that dropped to uid 1000 sees none (present bits still set). Built natively and run as root; the child execs so that it is dumpable again and may open its own pagemap. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char page[4096] __attribute__((aligned(4096)));

static void show(const char *tag) {
    memset(page, 1, sizeof page);
    int fd = open("/proc/self/pagemap", O_RDONLY);
    uint64_t e = 0;
    long n = pread(fd, &e, 8, (uintptr_t) page / 4096 * 8);
    printf("%-10s uid %u read %ld present %d pfn %s\n", tag, geteuid(), n, (int) (e >> 63), (e & ((1ULL << 55) - 1)) ? "shown" : "zero");
    close(fd);
}

int main(int argc, char **argv) {
    if (argc > 1) {
        show(argv[1]);
        return 0;
    }
    show("root");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (setgid(1000) < 0 || setuid(1000) < 0) _exit(3);
        execl("/proc/self/exe", argv[0], "user", (char *) 0);
        _exit(4);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("child status %d\n", WEXITSTATUS(st));
    return 0;
}
