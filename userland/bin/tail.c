/* tail: print the last lines (-n N, default 10) or bytes (-c N) of each file; -n +N
 * starts at line N. Reads everything into memory, so it works on pipes too. */
#include <fcntl.h>
#include "util.h"

static void tail(int fd, long n, int bytes, int from_start) {
    size_t len = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    ssize_t r;
    while ((r = read(fd, buf + len, cap - len)) > 0) {
        len += r;
        if (len == cap) buf = realloc(buf, cap *= 2);
    }
    size_t start;
    if (bytes) {
        if (from_start) start = n > 0 ? (size_t)n - 1 : 0;
        else start = (size_t)n >= len ? 0 : len - n;
    } else if (from_start) {
        start = 0;
        for (long line = 1; line < n && start < len; start++) if (buf[start] == '\n') line++;
    } else {
        start = len;
        if (start > 0 && buf[start - 1] == '\n') start--;   /* the last line's newline */
        long seen = 0;
        while (start > 0) {
            if (buf[start - 1] == '\n' && ++seen == n) break;
            start--;
        }
        if (n == 0) start = len;
    }
    if (start > len) start = len;
    if (write_all(1, buf + start, len - start) < 0) die_errno("error writing 'standard output'");
    free(buf);
}

int main(int argc, char **argv) {
    prog = "tail";
    long n = 10;
    int bytes = 0, from_start = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char opt = argv[i][1];
        if (opt >= '0' && opt <= '9') { n = parse_count(argv[i] + 1); continue; }   /* tail -5 */
        if (opt != 'n' && opt != 'c') die_usage("[-n [+]LINES | -c [+]BYTES] [FILE]...");
        const char *v = argv[i][2] ? argv[i] + 2 : (i + 1 < argc ? argv[++i] : NULL);
        if (v && *v == '+') from_start = 1, v++;
        if (!v || (n = parse_count(v)) < 0) { warnx("invalid number of %s: '%s'", opt == 'n' ? "lines" : "bytes", v ? v : ""); return 1; }
        bytes = opt == 'c';
    }
    int nfiles = argc - i, rc = 0;
    for (int f = 0; f < (nfiles ? nfiles : 1); f++) {
        const char *name = nfiles ? argv[i + f] : "-";
        int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
        if (fd < 0) { fprintf(stderr, "tail: cannot open '%s' for reading: %s\n", name, strerror(errno)); rc = 1; continue; }
        if (nfiles > 1) printf("%s==> %s <==\n", f ? "\n" : "", name), fflush(stdout);
        tail(fd, n, bytes, from_start);
        if (fd) close(fd);
    }
    return rc;
}
