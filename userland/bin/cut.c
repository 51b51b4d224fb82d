/* cut: print selected parts of each line: -f fields separated by -d (default TAB), or
 * -c characters. LIST is N, N-M, N-, -M, joined by commas. Lines without the delimiter
 * are printed whole in -f mode (unless -s). */
#include "util.h"

static char *sel;      /* sel[k] != 0: position k (1-based) is selected */
static size_t nsel;
static int open_end;   /* "N-": everything from N on */

static void parse_list(const char *s) {
    nsel = 1;
    sel = calloc(1, 1);
    while (*s) {
        char *end;
        long a = 1, b;
        if (*s != '-') { a = strtol(s, &end, 10); if (end == s || a < 1) die_usage("-f LIST | -c LIST [-d DELIM] [FILE]..."); s = end; }
        b = a;
        if (*s == '-') {
            s++;
            if (*s >= '0' && *s <= '9') { b = strtol(s, &end, 10); s = end; }
            else { b = a; if (!open_end || a < open_end) open_end = a; }
        }
        if ((size_t)b + 1 > nsel) { sel = realloc(sel, b + 1); memset(sel + nsel, 0, b + 1 - nsel); nsel = b + 1; }
        for (long k = a; k <= b; k++) sel[k] = 1;
        if (*s == ',') s++;
        else if (*s) { warnx("invalid byte, character or field list"); exit(2); }
    }
}

static int selected(size_t k) { return (open_end && k >= (size_t)open_end) || (k < nsel && sel[k]); }

int main(int argc, char **argv) {
    prog = "cut";
    int fields = 0, chars = 0, only = 0;
    char delim = '\t';
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char opt = argv[i][1];
        const char *val = argv[i][2] ? argv[i] + 2 : NULL;
        if (opt == 's') { only = 1; continue; }
        if (!val) { if (i + 1 >= argc) die_usage("-f LIST | -c LIST [-d DELIM] [FILE]..."); val = argv[++i]; }
        if (opt == 'd') {
            if (strlen(val) != 1) { warnx("the delimiter must be a single character"); return 1; }
            delim = val[0];
        } else if (opt == 'f') { fields = 1; parse_list(val); }
        else if (opt == 'c' || opt == 'b') { chars = 1; parse_list(val); }
        else die_usage("-f LIST | -c LIST [-d DELIM] [FILE]...");
    }
    if (fields == chars) { warnx("you must specify a list of bytes, characters, or fields"); return 1; }
    int rc = 0;
    int nfiles = argc - i;
    for (int f = 0; f < (nfiles ? nfiles : 1); f++) {
        const char *name = nfiles ? argv[i + f] : "-";
        FILE *in = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
        if (!in) { warn_errno(name); rc = 1; continue; }
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        while ((len = getline(&line, &cap, in)) > 0) {
            int nl = line[len - 1] == '\n';
            if (nl) line[--len] = 0;
            if (chars) {
                for (ssize_t k = 0; k < len; k++) if (selected(k + 1)) putchar(line[k]);
            } else if (!memchr(line, delim, len)) {
                if (!only) fwrite(line, 1, len, stdout);
                else continue;
            } else {
                size_t field = 1;
                int first = 1;
                char *start = line;
                for (char *p = line;; p++) {
                    if (*p == delim || p == line + len) {
                        if (selected(field)) {
                            if (!first) putchar(delim);
                            fwrite(start, 1, p - start, stdout);
                            first = 0;
                        }
                        if (p == line + len) break;
                        field++;
                        start = p + 1;
                    }
                }
            }
            putchar('\n');
        }
        free(line);
        if (in != stdin) fclose(in);
    }
    if (fflush(stdout) == EOF) die_errno("write error");
    return rc;
}
