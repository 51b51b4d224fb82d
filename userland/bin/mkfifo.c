/* mkfifo: make named pipes (FIFOs); -m MODE sets the permissions (octal), else 0666 & ~umask. */
#include <sys/stat.h>
#include "util.h"

int main(int argc, char **argv) {
    prog = "mkfifo";
    mode_t mode = 0666;
    int i = 1, setmode = 0;
    if (i + 1 < argc && strcmp(argv[i], "-m") == 0) { mode = strtol(argv[i + 1], NULL, 8); setmode = 1; i += 2; }
    if (i >= argc) die_usage("[-m MODE] NAME...");
    int rc = 0;
    for (; i < argc; i++) {
        if (mkfifo(argv[i], mode) < 0) {
            fprintf(stderr, "mkfifo: cannot create fifo '%s': %s\n", argv[i], strerror(errno));
            rc = 1;
        } else if (setmode && chmod(argv[i], mode) < 0) {
            warn_errno(argv[i]);
            rc = 1;
        }
    }
    return rc;
}
