/* yes: print "y" (or the arguments) forever; ends when the reader goes away (SIGPIPE). */
#include "util.h"

int main(int argc, char **argv) {
    prog = "yes";
    char line[4096] = "y";
    if (argc > 1) {
        line[0] = 0;
        for (int i = 1; i < argc; i++) {
            if (i > 1) strncat(line, " ", sizeof line - strlen(line) - 1);
            strncat(line, argv[i], sizeof line - strlen(line) - 1);
        }
    }
    /* fill a buffer with whole lines so each write(2) carries many of them */
    static char buf[8192];
    size_t len = strlen(line), n = 0;
    do { memcpy(buf + n, line, len); buf[n + len] = '\n'; n += len + 1; } while (n + len + 1 <= sizeof buf);
    for (;;)
        if (write_all(1, buf, n) < 0) die_errno("standard output");
}
