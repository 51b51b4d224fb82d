/* echo: print the arguments separated by spaces, then a newline (-n: no newline,
 * -e: interpret \n \t \\ \0NNN escapes, -E: don't). */
#include "util.h"

static void put_escaped(const char *s, int *stop) {
    for (; *s; s++) {
        if (*s != '\\' || !s[1]) { putchar(*s); continue; }
        switch (*++s) {
        case 'n': putchar('\n'); break;
        case 't': putchar('\t'); break;
        case 'r': putchar('\r'); break;
        case 'a': putchar('\a'); break;
        case 'b': putchar('\b'); break;
        case 'f': putchar('\f'); break;
        case 'v': putchar('\v'); break;
        case 'e': putchar(033); break;
        case '\\': putchar('\\'); break;
        case 'c': *stop = 1; return;
        case '0': {
            int v = 0;
            for (int k = 0; k < 3 && s[1] >= '0' && s[1] <= '7'; k++) v = v * 8 + (*++s - '0');
            putchar(v);
            break;
        }
        default: putchar('\\'); putchar(*s); break;
        }
    }
}

int main(int argc, char **argv) {
    prog = "echo";
    int newline = 1, escapes = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *p = argv[i] + 1;
        if (strspn(p, "neE") != strlen(p)) break;   /* not an option: print it */
        for (; *p; p++) {
            if (*p == 'n') newline = 0;
            else if (*p == 'e') escapes = 1;
            else escapes = 0;
        }
    }
    int stop = 0;
    for (int first = 1; i < argc && !stop; i++, first = 0) {
        if (!first) putchar(' ');
        if (escapes) put_escaped(argv[i], &stop);
        else fputs(argv[i], stdout);
    }
    if (newline && !stop) putchar('\n');
    if (fflush(stdout) == EOF) die_errno("write error");
    return 0;
}
