/* wc: count lines, words and bytes (-l -w -c select; default all three), per file and in
 * total, in GNU wc's columns. */
#include <ctype.h>
#include <fcntl.h>
#include <sys/stat.h>
#include "util.h"

static int show_l, show_w, show_c;

static void count(int fd, long long *c) {
    char buf[8192];
    ssize_t r;
    int inword = 0;
    while ((r = read(fd, buf, sizeof buf)) > 0)
        for (ssize_t k = 0; k < r; k++) {
            unsigned char ch = buf[k];
            c[2]++;
            if (ch == '\n') c[0]++;
            if (isspace(ch)) inword = 0;
            else if (!inword && isprint(ch)) { inword = 1; c[1]++; }
        }
}

static void print(long long *c, int width, const char *name) {
    int first = 1;
    long long v[3] = {c[0], c[1], c[2]};
    int show[3] = {show_l, show_w, show_c};
    for (int k = 0; k < 3; k++)
        if (show[k]) { printf(first ? "%*lld" : " %*lld", width, v[k]); first = 0; }
    if (name) printf(" %s", name);
    putchar('\n');
}

int main(int argc, char **argv) {
    prog = "wc";
    int i = 1;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'l') show_l = 1;
            else if (*p == 'w') show_w = 1;
            else if (*p == 'c') show_c = 1;
            else die_usage("[-lwc] [FILE]...");
        }
    if (!show_l && !show_w && !show_c) show_l = show_w = show_c = 1;
    int nfiles = argc - i, rc = 0, nshown = show_l + show_w + show_c;
    long long (*c)[3] = calloc(nfiles + 1, sizeof *c), total[3] = {0}, regular_bytes = 0;
    int irregular = 0;
    int *ok = calloc(nfiles + 1, sizeof *ok);
    for (int f = 0; f < (nfiles ? nfiles : 1); f++) {
        const char *name = nfiles ? argv[i + f] : "-";
        int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
        if (fd < 0) { warn_errno(name); rc = 1; continue; }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) regular_bytes += st.st_size;
        else irregular = 1;
        count(fd, c[f]);
        ok[f] = 1;
        for (int k = 0; k < 3; k++) total[k] += c[f][k];
        if (fd) close(fd);
    }
    /* GNU wc's columns: as wide as the regular files' total size, at least 7 if an input is
     * not a regular file (its size is unknown), and 1 for a single number of a single input */
    int width = 1;
    for (long long t = regular_bytes; t >= 10; t /= 10) width++;
    if (irregular && width < 7) width = 7;
    if (nshown == 1 && (nfiles <= 1)) width = 1;
    for (int f = 0; f < (nfiles ? nfiles : 1); f++)
        if (ok[f]) print(c[f], width, nfiles ? argv[i + f] : NULL);
    if (nfiles > 1) print(total, width, "total");
    return rc;
}
