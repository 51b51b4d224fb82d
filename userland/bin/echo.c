/* echo: print the arguments separated by spaces, then a newline (-n: no newline,
 * -e: interpret \n \t \\ \0NNN \NNN \xHH escapes, -E: don't). */
#include <ctype.h>
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
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            /* \0NNN and \NNN: octal, up to three digits after the 0 (GNU echo) */
            int v = 0, max = *s == '0' ? 3 : 2;
            if (*s != '0') v = *s - '0';
            for (int k = 0; k < max && s[1] >= '0' && s[1] <= '7'; k++) v = v * 8 + (*++s - '0');
            putchar(v);
            break;
        }
        case 'x':
            if (isxdigit((unsigned char)s[1])) {
                int v = 0;
                for (int k = 0; k < 2 && isxdigit((unsigned char)s[1]); k++) {
                    char h = *++s;
                    v = v * 16 + (isdigit((unsigned char)h) ? h - '0' : (h | 32) - 'a' + 10);
                }
                putchar(v);
            } else { putchar('\\'); putchar('x'); }
            break;
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
