/* execmut: execve(argv[1]) from a running process, for the ELF mutation fuzzer: a refused image is an errno here, not status 126. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    char *args[] = {"hello", "from-exec", NULL};
    char *env[] = {"PATH=/bin", NULL};
    execve(argv[1], args, env);
    printf("execve: %s\n", strerrorname_np(errno));
    return 0;
}
