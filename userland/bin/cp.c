/* cp: copy files with read and write; the last argument may be a directory. */
#include <fcntl.h>
#include <sys/stat.h>
#include "util.h"

static int copy(const char *from, const char *to) {
    int in = open(from, O_RDONLY);
    if (in < 0) { fprintf(stderr, "cp: cannot stat '%s': %s\n", from, strerror(errno)); return 1; }
    struct stat st;
    if (fstat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", from);
        close(in);
        return 1;
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777);
    if (out < 0) { fprintf(stderr, "cp: cannot create regular file '%s': %s\n", to, strerror(errno)); close(in); return 1; }
    char buf[8192];
    ssize_t n;
    int rc = 0;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write_all(out, buf, n) < 0) { fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno)); rc = 1; break; }
    if (n < 0) { fprintf(stderr, "cp: error reading '%s': %s\n", from, strerror(errno)); rc = 1; }
    close(in);
    if (close(out) < 0) { warn_errno(to); rc = 1; }
    return rc;
}

int main(int argc, char **argv) {
    prog = "cp";
    if (argc < 3) die_usage("SOURCE... DEST");
    const char *dest = argv[argc - 1];
    struct stat st;
    int isdir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !isdir) { fprintf(stderr, "cp: target '%s' is not a directory\n", dest); return 1; }
    int rc = 0;
    for (int i = 1; i < argc - 1; i++) {
        if (!isdir) { rc |= copy(argv[i], dest); continue; }
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        char to[4096];
        snprintf(to, sizeof to, "%s/%s", dest, base);
        rc |= copy(argv[i], to);
    }
    return rc;
}
