/* env: print the environment, or run a command in a changed one:
 *   env [-i] [NAME=VALUE]... [COMMAND [ARG]...] */
#include "util.h"

extern char **environ;

int main(int argc, char **argv) {
    prog = "env";
    int i = 1;
    if (i < argc && (strcmp(argv[i], "-i") == 0 || strcmp(argv[i], "-") == 0)) {
        static char *empty[] = {NULL};
        environ = empty;
        i++;
    }
    for (; i < argc && strchr(argv[i], '='); i++)
        if (putenv(argv[i]) != 0) die_errno("putenv");
    if (i == argc) {
        for (char **e = environ; *e; e++) puts(*e);
        return 0;
    }
    execvp(argv[i], argv + i);
    int e = errno;
    warn_errno(argv[i]);
    return e == ENOENT ? 127 : 126;
}
