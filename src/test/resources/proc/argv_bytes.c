/* argv_bytes: argv and envp keep their bytes across execve, valid UTF-8 or not. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void hex(const char *what, const char *s) {
    printf("%s:", what);
    for (; *s; s++) printf(" %02x", (unsigned char) *s);
    printf("\n");
}

int main(int argc, char **argv) {
    if (argc > 2) {
        hex("argv[1]", argv[1]);
        hex("argv[2]", argv[2]);
        hex("env", getenv("BYTES") ? getenv("BYTES") : "");
        return 0;
    }
    hex("from the host", argc > 1 ? argv[1] : "");
    fflush(stdout);
    char *args[] = {"argv_bytes", "\xff\xfe\x80", "caf\xc3\xa9", NULL};
    char *env[] = {"BYTES=\xe9t\xe9", NULL};
    execve("/proc/self/exe", args, env);
    perror("execve");
    return 1;
}
