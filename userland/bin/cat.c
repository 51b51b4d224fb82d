/* cat: copy each file (or stdin, or "-") to stdout with read and write: the simplest
 * filter, and the first stage of many pipelines. */
#include <fcntl.h>
#include "util.h"

static int copy(int fd, const char *name) {
    char buf[8192];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        if (write_all(1, buf, n) < 0) die_errno("write error");
    if (n < 0) { warn_errno(name); return 1; }
    return 0;
}

int main(int argc, char **argv) {
    prog = "cat";
    int rc = 0;
    if (argc < 2) return copy(0, "-");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-") == 0) { rc |= copy(0, "-"); continue; }
        int fd = open(argv[i], O_RDONLY);
        if (fd < 0) { warn_errno(argv[i]); rc = 1; continue; }
        rc |= copy(fd, argv[i]);
        close(fd);
    }
    return rc;
}
