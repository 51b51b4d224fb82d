/* dirname: print a path without its last component ("." if there is no directory). */
#include "util.h"

int main(int argc, char **argv) {
    prog = "dirname";
    if (argc != 2) die_usage("NAME");
    char *s = argv[1];
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/') n--;            /* trailing slashes */
    while (n > 0 && s[n - 1] != '/') n--;            /* the last component */
    if (n == 0) { puts("."); return 0; }
    while (n > 1 && s[n - 1] == '/') n--;            /* the slashes before it */
    printf("%.*s\n", (int)n, s);
    return 0;
}
