/* mkdir: make directories; -p makes the missing parents and accepts existing ones. */
#include <sys/stat.h>
#include "util.h"

static int make(char *path, int parents) {
    if (parents) {
        for (char *p = path + 1; *p; p++) {
            if (*p != '/') continue;
            *p = 0;
            if (mkdir(path, 0777) < 0 && errno != EEXIST) {
                fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", path, strerror(errno));
                return 1;
            }
            *p = '/';
        }
    }
    if (mkdir(path, 0777) < 0) {
        struct stat st;
        if (parents && errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
        fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv) {
    prog = "mkdir";
    int i = 1, parents = 0;
    if (i < argc && strcmp(argv[i], "-p") == 0) parents = 1, i++;
    if (i >= argc) die_usage("[-p] DIRECTORY...");
    int rc = 0;
    for (; i < argc; i++) rc |= make(argv[i], parents);
    return rc;
}
