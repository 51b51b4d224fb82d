/* touch: create empty files, or set an existing file's times to now (utimensat). */
#include <fcntl.h>
#include <sys/stat.h>
#include "util.h"

int main(int argc, char **argv) {
    prog = "touch";
    if (argc < 2) die_usage("FILE...");
    int rc = 0;
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_WRONLY | O_CREAT | O_NOCTTY | O_NONBLOCK, 0666);
        if (fd < 0 && errno != EISDIR) {
            fprintf(stderr, "touch: cannot touch '%s': %s\n", argv[i], strerror(errno));
            rc = 1;
            continue;
        }
        if (fd >= 0) {
            if (futimens(fd, NULL) < 0) { warn_errno(argv[i]); rc = 1; }
            close(fd);
        } else if (utimensat(AT_FDCWD, argv[i], NULL, 0) < 0) {
            warn_errno(argv[i]);
            rc = 1;
        }
    }
    return rc;
}
