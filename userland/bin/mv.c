/* mv: rename files (rename); the last argument may be a directory to move them into. */
#include <sys/stat.h>
#include "util.h"

static int move(const char *from, const char *to) {
    if (rename(from, to) < 0) {
        fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", from, to, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    prog = "mv";
    if (argc < 3) die_usage("SOURCE... DEST");
    const char *dest = argv[argc - 1];
    struct stat st;
    int isdir = stat(dest, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !isdir) { fprintf(stderr, "mv: target '%s' is not a directory\n", dest); return 1; }
    int rc = 0;
    for (int i = 1; i < argc - 1; i++) {
        if (!isdir) { rc |= move(argv[i], dest); continue; }
        const char *base = strrchr(argv[i], '/');
        base = base ? base + 1 : argv[i];
        char to[4096];
        snprintf(to, sizeof to, "%s/%s", dest, base);
        rc |= move(argv[i], to);
    }
    return rc;
}
