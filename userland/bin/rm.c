/* rm: remove files (unlink); -r removes directories and what they hold, -f ignores
 * missing files. */
#include <dirent.h>
#include <sys/stat.h>
#include "util.h"

static int force;

static int removeit(const char *path, int recursive) {
    struct stat st;
    if (lstat(path, &st) < 0) {
        if (force && errno == ENOENT) return 0;
        fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        if (!recursive) { fprintf(stderr, "rm: cannot remove '%s': Is a directory\n", path); return 1; }
        DIR *d = opendir(path);
        if (!d) { fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno)); return 1; }
        int rc = 0;
        struct dirent *e;
        while ((e = readdir(d))) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            char sub[4096];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            rc |= removeit(sub, recursive);
        }
        closedir(d);
        if (rmdir(path) < 0) { fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno)); return 1; }
        return rc;
    }
    if (unlink(path) < 0) { fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno)); return 1; }
    return 0;
}

int main(int argc, char **argv) {
    prog = "rm";
    int i = 1, recursive = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 'r' || *p == 'R') recursive = 1;
            else if (*p == 'f') force = 1;
            else die_usage("[-rf] FILE...");
        }
    if (i >= argc && !force) die_usage("[-rf] FILE...");
    int rc = 0;
    for (; i < argc; i++) rc |= removeit(argv[i], recursive);
    return rc;
}
