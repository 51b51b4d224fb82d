/* od: dump bytes: offsets in octal (-A d: decimal, -A x: hex, -A n: none), then each
 * 16-byte line as octal shorts (default), -c characters, -x hex shorts, -t x1 hex bytes,
 * -b octal bytes; repeated lines become one "*". */
#include <fcntl.h>
#include "util.h"

static char radix = 'o';
static int mode = 'o';   /* o: octal 2-byte, x: hex 2-byte, c: chars, 1: hex bytes, b: octal bytes */

static void offset(long long off) {
    if (radix == 'o') printf("%07llo", off);
    else if (radix == 'd') printf("%07lld", off);
    else if (radix == 'x') printf("%06llx", off);
}

static void line(const unsigned char *b, int n) {
    switch (mode) {
    case 'c':
        for (int k = 0; k < n; k++) {
            unsigned char c = b[k];
            const char *esc = c == 0 ? "\\0" : c == '\a' ? "\\a" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : c == '\n' ? "\\n"
                            : c == '\r' ? "\\r" : c == '\t' ? "\\t" : c == '\v' ? "\\v" : NULL;
            if (esc) printf("  %s", esc);
            else if (c >= 32 && c < 127) printf("   %c", c);
            else printf(" %03o", c);
        }
        break;
    case '1': for (int k = 0; k < n; k++) printf(" %02x", b[k]); break;
    case 'b': for (int k = 0; k < n; k++) printf(" %03o", b[k]); break;
    default:
        for (int k = 0; k < n; k += 2) {
            unsigned v = b[k] | (k + 1 < n ? b[k + 1] << 8 : 0);
            printf(mode == 'x' ? " %04x" : " %06o", v);
        }
    }
    putchar('\n');
}

int main(int argc, char **argv) {
    prog = "od";
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char *a = argv[i];
        if (strcmp(a, "-c") == 0) mode = 'c';
        else if (strcmp(a, "-x") == 0) mode = 'x';
        else if (strcmp(a, "-b") == 0) mode = 'b';
        else if (strcmp(a, "-o") == 0) mode = 'o';
        else if (a[1] == 't' || a[1] == 'A') {
            const char *v = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : "");
            if (a[1] == 'A') radix = v[0];
            else if (strcmp(v, "x1") == 0) mode = '1';
            else if (strcmp(v, "c") == 0) mode = 'c';
            else if (strcmp(v, "o1") == 0) mode = 'b';
            else if (strcmp(v, "x2") == 0) mode = 'x';
            else if (strcmp(v, "o2") == 0) mode = 'o';
            else { warnx("invalid type string '%s'", v); return 1; }
        } else die_usage("[-c|-x|-b|-t TYPE] [-A RADIX] [FILE]");
    }
    int fd = i < argc && strcmp(argv[i], "-") != 0 ? open(argv[i], O_RDONLY) : 0;
    if (fd < 0) die_errno(argv[i]);
    unsigned char cur[16], prev[16];
    long long off = 0;
    int have_prev = 0, starred = 0;
    for (;;) {
        int n = 0;
        ssize_t r;
        while (n < 16 && (r = read(fd, cur + n, 16 - n)) > 0) n += r;
        if (n == 0) break;
        if (have_prev && n == 16 && memcmp(cur, prev, 16) == 0) {
            if (!starred) puts("*");
            starred = 1;
        } else {
            offset(off);
            line(cur, n);
            starred = 0;
        }
        memcpy(prev, cur, 16);
        have_prev = n == 16;
        off += n;
        if (n < 16) break;
    }
    if (radix != 'n') { offset(off); putchar('\n'); }
    return 0;
}
