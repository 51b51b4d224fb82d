/* tee: copy stdin to stdout and to each file (-a: append instead of truncating). */
#include <fcntl.h>
#include "util.h"

int main(int argc, char **argv) {
    prog = "tee";
    int i = 1, flags = O_WRONLY | O_CREAT | O_TRUNC;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        if (strcmp(argv[i], "-a") == 0) flags = O_WRONLY | O_CREAT | O_APPEND;
        else die_usage("[-a] [FILE]...");
    }
    int n = argc - i, rc = 0;
    int *fds = malloc((n + 1) * sizeof *fds);
    fds[0] = 1;
    for (int k = 0; k < n; k++) {
        fds[k + 1] = open(argv[i + k], flags, 0666);
        if (fds[k + 1] < 0) { warn_errno(argv[i + k]); rc = 1; }
    }
    char buf[8192];
    ssize_t r;
    while ((r = read(0, buf, sizeof buf)) > 0)
        for (int k = 0; k <= n; k++)
            if (fds[k] >= 0 && write_all(fds[k], buf, r) < 0) {
                warn_errno(k ? argv[i + k - 1] : "standard output");
                fds[k] = -1;
                rc = 1;
            }
    if (r < 0) { warn_errno("read error"); rc = 1; }
    return rc;
}
