/* seq: print numbers: seq LAST, seq FIRST LAST, seq FIRST INCREMENT LAST (integers, or
 * decimals printed with as many places as the arguments have). -s SEP joins them. */
#include "util.h"

static int places(const char *s) {
    const char *d = strchr(s, '.');
    return d ? (int)strlen(d + 1) : 0;
}

int main(int argc, char **argv) {
    prog = "seq";
    const char *sep = "\n";
    int i = 1;
    if (i + 1 < argc && strcmp(argv[i], "-s") == 0) { sep = argv[i + 1]; i += 2; }
    else if (i < argc && strncmp(argv[i], "-s", 2) == 0) sep = argv[i++] + 2;
    int n = argc - i;
    if (n < 1 || n > 3) die_usage("[-s SEP] [FIRST [INCREMENT]] LAST");
    double v[3];
    int prec = 0;
    for (int k = 0; k < n; k++) {
        char *end;
        v[k] = strtod(argv[i + k], &end);
        if (*end || end == argv[i + k]) { warnx("invalid floating point argument: '%s'", argv[i + k]); return 1; }
        if (k < 2 || n < 3) { int p = places(argv[i + k]); if (p > prec && (n == 1 || k != n - 1 || n == 3)) prec = p; }
    }
    double first = n > 1 ? v[0] : 1, step = n == 3 ? v[1] : 1, last = v[n - 1];
    if (step == 0) { warnx("invalid Zero increment value: '%s'", argv[i + 1]); return 1; }
    int count = 0;
    for (long k = 0;; k++) {
        double x = first + k * step;
        if (step > 0 ? x > last + 1e-9 : x < last - 1e-9) break;
        if (count++) fputs(sep, stdout);
        printf("%.*f", prec, x);
    }
    if (count) putchar('\n');
    return 0;
}
