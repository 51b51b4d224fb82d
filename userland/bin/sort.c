/* sort: read all lines, sort them (qsort), print them. -n numeric, -r reverse, -u one of
 * each equal run, -k N[,M] compare from field N (to M; fields split at blanks, as
 * POSIX says: the blanks before a field belong to it unless -b), -t C field separator.
 * Ties are broken by comparing whole lines (as GNU sort does in the C locale). */
#include <ctype.h>
#include "util.h"

static int numeric, reverse, uniq, key1, key2, blanks;
static int tab = -1;

/* Returns the start and end of the key in line s. */
static void key(const char *s, const char **ks, const char **ke) {
    const char *end = s + strlen(s);
    if (!key1) { *ks = s; *ke = end; return; }
    const char *p = s;
    for (int f = 1; f < key1 && p < end; f++) {   /* skip to field key1 */
        if (tab >= 0) { p = strchr(p, tab); p = p ? p + 1 : end; }
        else { while (p < end && isblank((unsigned char)*p)) p++; while (p < end && !isblank((unsigned char)*p)) p++; }
    }
    if (blanks) while (p < end && isblank((unsigned char)*p)) p++;
    *ks = p;
    if (!key2) { *ke = end; return; }
    const char *q = s;
    for (int f = 1; f <= key2 && q < end; f++) {   /* end of field key2 */
        if (f > 1 && tab >= 0) q++;
        if (tab >= 0) { const char *t = strchr(q, tab); q = t ? t : end; }
        else { while (q < end && isblank((unsigned char)*q)) q++; while (q < end && !isblank((unsigned char)*q)) q++; }
    }
    *ke = q < *ks ? *ks : q;
}

static int keycmp(const char *a, const char *b) {
    const char *as, *ae, *bs, *be;
    key(a, &as, &ae);
    key(b, &bs, &be);
    if (numeric) {
        while (as < ae && isblank((unsigned char)*as)) as++;
        while (bs < be && isblank((unsigned char)*bs)) bs++;
        double x = strtod(as, NULL), y = strtod(bs, NULL);
        return (x > y) - (x < y);
    }
    size_t la = ae - as, lb = be - bs;
    int c = memcmp(as, bs, la < lb ? la : lb);
    return c ? c : (la > lb) - (la < lb);
}

static int cmp(const void *pa, const void *pb) {
    const char *a = *(char *const *)pa, *b = *(char *const *)pb;
    int c = keycmp(a, b);
    if (c == 0 && !uniq) c = strcmp(a, b);   /* the last-resort comparison */
    return reverse ? -c : c;
}

int main(int argc, char **argv) {
    prog = "sort";
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'n') numeric = 1;
            else if (*p == 'r') reverse = 1;
            else if (*p == 'u') uniq = 1;
            else if (*p == 'b') blanks = 1;
            else if (*p == 'k' || *p == 't') {
                const char *v = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!v) die_usage("[-nrub] [-t C] [-k N[,M]] [FILE]...");
                if (*p == 't') tab = v[0];
                else {
                    key1 = atoi(v);
                    const char *c = strchr(v, ',');
                    key2 = c ? atoi(c + 1) : 0;
                    for (const char *q = v; *q && *q != ','; q++) if (*q == 'n') numeric = 1; else if (*q == 'r') reverse = 1;
                    if (key1 < 1) { warnx("invalid number at field start: invalid count at start of '%s'", v); return 2; }
                }
                break;
            } else die_usage("[-nrub] [-t C] [-k N[,M]] [FILE]...");
        }
    }
    char **lines = NULL;
    size_t n = 0, cap = 0;
    int rc = 0, nfiles = argc - i;
    for (int f = 0; f < (nfiles ? nfiles : 1); f++) {
        const char *name = nfiles ? argv[i + f] : "-";
        FILE *in = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
        if (!in) { fprintf(stderr, "sort: cannot read: %s: %s\n", name, strerror(errno)); return 2; }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t len;
        while ((len = getline(&line, &lcap, in)) > 0) {
            if (line[len - 1] == '\n') line[len - 1] = 0;
            if (n == cap) { cap = cap ? 2 * cap : 1024; lines = realloc(lines, cap * sizeof *lines); }
            lines[n++] = strdup(line);
        }
        free(line);
        if (in != stdin) fclose(in);
    }
    qsort(lines, n, sizeof *lines, cmp);
    for (size_t k = 0; k < n; k++) {
        if (uniq && k > 0 && keycmp(lines[k - 1], lines[k]) == 0) continue;
        puts(lines[k]);
    }
    if (fflush(stdout) == EOF) die_errno("write failed");
    return rc;
}
