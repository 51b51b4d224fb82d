/* printf: format and print the arguments: printf FORMAT [ARG]...
 * Conversions %d %i %u %o %x %X %c %s %b %f %e %g %%, with flags, width and precision;
 * escapes \n \t \\ \NNN; the format is reused while arguments remain. */
#include "util.h"

static int rc;

static void escape(const char **pp) {
    const char *p = *pp;   /* at the character after the backslash */
    switch (*p) {
    case 'n': putchar('\n'); break;
    case 't': putchar('\t'); break;
    case 'r': putchar('\r'); break;
    case 'a': putchar('\a'); break;
    case 'b': putchar('\b'); break;
    case 'f': putchar('\f'); break;
    case 'v': putchar('\v'); break;
    case 'e': putchar(033); break;
    case '\\': putchar('\\'); break;
    case '"': putchar('"'); break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        int v = 0;
        for (int k = 0; k < 3 && *p >= '0' && *p <= '7'; k++) v = v * 8 + (*p++ - '0');
        putchar(v);
        *pp = p - 1;
        return;
    }
    case 0: putchar('\\'); *pp = p - 1; return;
    default: putchar('\\'); putchar(*p); break;
    }
    *pp = p;
}

static long long num(const char *s) {
    if (!s) return 0;
    if (s[0] == '\'' || s[0] == '"') return (unsigned char)s[1];
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 0);
    if (*end || end == s) { warnx("%s: invalid number", s); rc = 1; }
    return v;
}

int main(int argc, char **argv) {
    prog = "printf";
    if (argc < 2) die_usage("FORMAT [ARGUMENT]...");
    const char *fmt = argv[1];
    int ai = 2;
    do {
        int used = 0;
        for (const char *p = fmt; *p; p++) {
            if (*p == '\\') { p++; escape(&p); continue; }
            if (*p != '%') { putchar(*p); continue; }
            if (p[1] == '%') { putchar('%'); p++; continue; }
            char spec[64] = "%";
            size_t n = 1;
            p++;
            while (*p && strchr("-+ #0", *p) && n < 40) spec[n++] = *p++;
            while (((*p >= '0' && *p <= '9') || *p == '.' || *p == '*') && n < 40) {
                if (*p == '*') {   /* width or precision from an argument */
                    n += snprintf(spec + n, sizeof spec - n, "%lld", num(ai < argc ? argv[ai++] : "0"));
                    p++;
                    used = 1;
                } else spec[n++] = *p++;
            }
            char conv = *p;
            if (!conv) { warnx("%%: missing conversion"); return 1; }
            const char *arg = ai < argc ? argv[ai++] : NULL;
            if (arg) used = 1;
            switch (conv) {
            case 'd': case 'i':
                strcpy(spec + n, "lld");
                printf(spec, num(arg));
                break;
            case 'u': case 'o': case 'x': case 'X':
                spec[n++] = 'l'; spec[n++] = 'l'; spec[n++] = conv; spec[n] = 0;
                printf(spec, (unsigned long long)num(arg));
                break;
            case 'f': case 'e': case 'g': case 'E': case 'G': case 'F':
                spec[n++] = conv; spec[n] = 0;
                printf(spec, arg ? strtod(arg, NULL) : 0.0);
                break;
            case 'c':
                spec[n++] = 'c'; spec[n] = 0;
                printf(spec, arg ? arg[0] : 0);
                break;
            case 's':
                spec[n++] = 's'; spec[n] = 0;
                printf(spec, arg ? arg : "");
                break;
            case 'b':
                for (const char *q = arg ? arg : ""; *q; q++) {
                    if (*q == '\\') { q++; escape(&q); } else putchar(*q);
                }
                break;
            default:
                warnx("%%%c: invalid conversion specification", conv);
                return 1;
            }
        }
        if (!used) break;
    } while (ai < argc);
    if (fflush(stdout) == EOF) die_errno("write error");
    return rc;
}
