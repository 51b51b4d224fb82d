/* uniq: print each run of equal adjacent lines once. -c prefixes the count, -d prints only
 * the lines that repeat, -u only those that don't. */
#include "util.h"

static int count, dups, uniques;

static void emit(const char *line, long n) {
    if ((dups && n < 2) || (uniques && n > 1)) return;
    if (count) printf("%7ld %s\n", n, line);
    else printf("%s\n", line);
}

int main(int argc, char **argv) {
    prog = "uniq";
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'c') count = 1;
            else if (*p == 'd') dups = 1;
            else if (*p == 'u') uniques = 1;
            else die_usage("[-cdu] [INPUT [OUTPUT]]");
        }
    FILE *in = stdin;
    if (i < argc && strcmp(argv[i], "-") != 0 && !(in = fopen(argv[i], "r"))) die_errno(argv[i]);
    if (i + 1 < argc && !freopen(argv[i + 1], "w", stdout)) die_errno(argv[i + 1]);
    char *prev = NULL, *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long n = 0;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n') line[len - 1] = 0;
        if (prev && strcmp(prev, line) == 0) { n++; continue; }
        if (prev) { emit(prev, n); free(prev); }
        prev = strdup(line);
        n = 1;
    }
    if (prev) emit(prev, n);
    if (fflush(stdout) == EOF) die_errno("write error");
    return 0;
}
