/* grep: print the lines that match a basic regular expression (regcomp/regexec, POSIX
 * BRE). -v the lines that don't, -c only a count, -n line numbers, -i ignore case,
 * -E extended syntax, -q quiet. Status 0 if a line was selected, 1 if none, 2 on error. */
#include <regex.h>
#include "util.h"

int main(int argc, char **argv) {
    prog = "grep";
    int invert = 0, count = 0, number = 0, quiet = 0, flags = REG_NOSUB, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "--") == 0) { i++; break; }
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'v') invert = 1;
            else if (*p == 'c') count = 1;
            else if (*p == 'n') number = 1;
            else if (*p == 'i') flags |= REG_ICASE;
            else if (*p == 'E') flags |= REG_EXTENDED;
            else if (*p == 'q') quiet = 1;
            else die_usage("[-vcniEq] PATTERN [FILE]...");
        }
    }
    if (i >= argc) die_usage("[-vcniEq] PATTERN [FILE]...");
    regex_t re;
    int e = regcomp(&re, argv[i++], flags);
    if (e) {
        char msg[256];
        regerror(e, &re, msg, sizeof msg);
        warnx("%s", msg);
        return 2;
    }
    int nfiles = argc - i, found = 0, rc = 0;
    for (int f = 0; f < (nfiles ? nfiles : 1); f++) {
        const char *name = nfiles ? argv[i + f] : "-";
        FILE *in = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
        if (!in) { warn_errno(name); rc = 2; continue; }
        char *line = NULL;
        size_t cap = 0;
        ssize_t len;
        long lineno = 0, matches = 0;
        while ((len = getline(&line, &cap, in)) > 0) {
            lineno++;
            if (line[len - 1] == '\n') line[len - 1] = 0;
            int hit = regexec(&re, line, 0, NULL, 0) == 0;
            if (hit == invert) continue;
            matches++;
            found = 1;
            if (quiet) return 0;
            if (count) continue;
            if (nfiles > 1) printf("%s:", name);
            if (number) printf("%ld:", lineno);
            puts(line);
        }
        if (count) {
            if (nfiles > 1) printf("%s:", name);
            printf("%ld\n", matches);
        }
        free(line);
        if (in != stdin) fclose(in);
    }
    if (fflush(stdout) == EOF) die_errno("write error");
    return rc ? rc : found ? 0 : 1;
}
