/* head: print the first lines (-n N, default 10) or bytes (-c N) of each file. */
#include <fcntl.h>
#include "util.h"

static int head(int fd, long n, int bytes) {
    char buf[8192];
    ssize_t r;
    while (n > 0 && (r = read(fd, buf, sizeof buf)) > 0) {
        ssize_t take = 0;
        if (bytes) take = r < n ? r : n, n -= take;
        else
            while (take < r && n > 0) if (buf[take++] == '\n') n--;
        if (write_all(1, buf, take) < 0) die_errno("error writing 'standard output'");
    }
    return 0;
}

int main(int argc, char **argv) {
    prog = "head";
    long n = 10;
    int bytes = 0, i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        char opt = argv[i][1];
        if (opt >= '0' && opt <= '9') { n = parse_count(argv[i] + 1); continue; }   /* head -5 */
        if (opt != 'n' && opt != 'c') die_usage("[-n LINES | -c BYTES] [FILE]...");
        const char *v = argv[i][2] ? argv[i] + 2 : (i + 1 < argc ? argv[++i] : NULL);
        if (!v || (n = parse_count(v)) < 0) { warnx("invalid number of %s: '%s'", opt == 'n' ? "lines" : "bytes", v ? v : ""); return 1; }
        bytes = opt == 'c';
    }
    int nfiles = argc - i, rc = 0;
    for (int f = 0; f < (nfiles ? nfiles : 1); f++) {
        const char *name = nfiles ? argv[i + f] : "-";
        int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
        if (fd < 0) { fprintf(stderr, "head: cannot open '%s' for reading: %s\n", name, strerror(errno)); rc = 1; continue; }
        if (nfiles > 1) printf("%s==> %s <==\n", f ? "\n" : "", name), fflush(stdout);
        head(fd, n, bytes);
        if (fd) close(fd);
    }
    return rc;
}
