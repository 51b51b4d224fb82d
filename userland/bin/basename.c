/* basename: strip the directories (and an optional suffix) from a path. */
#include "util.h"

int main(int argc, char **argv) {
    prog = "basename";
    if (argc < 2 || argc > 3) die_usage("NAME [SUFFIX]");
    char *s = argv[1];
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '/') n--;            /* trailing slashes */
    size_t start = n;
    while (start > 0 && s[start - 1] != '/') start--;
    if (n == 1 && s[0] == '/') start = 0;
    size_t len = n - start;
    if (argc == 3) {
        size_t sl = strlen(argv[2]);
        if (sl < len && memcmp(s + start + len - sl, argv[2], sl) == 0) len -= sl;
    }
    printf("%.*s\n", (int)len, s + start);
    return 0;
}
