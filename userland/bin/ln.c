/* ln: make a hard link (link), or with -s a symbolic link (symlink): ln [-s] TARGET NAME */
#include "util.h"

int main(int argc, char **argv) {
    prog = "ln";
    int i = 1, sym = 0, force = 0;
    for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
        for (char *p = argv[i] + 1; *p; p++) {
            if (*p == 's') sym = 1;
            else if (*p == 'f') force = 1;
            else die_usage("[-sf] TARGET LINK_NAME");
        }
    if (argc - i != 2) die_usage("[-sf] TARGET LINK_NAME");
    if (force) unlink(argv[i + 1]);
    if ((sym ? symlink(argv[i], argv[i + 1]) : link(argv[i], argv[i + 1])) < 0) {
        fprintf(stderr, "ln: failed to create %slink '%s': %s\n", sym ? "symbolic " : "hard ", argv[i + 1], strerror(errno));
        return 1;
    }
    return 0;
}
