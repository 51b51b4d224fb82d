/* What fds 0, 1 and 2 are: a read of fd 0 and a write to fds 1 and 2, each result on the
 * first fd that works (2, else 1), so a closed host fd shows as EBADF. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void say(const char *what, long r, int err) {
    char line[128];
    int n = r < 0 ? snprintf(line, sizeof line, "%s: %s\n", what, strerror(err))
                  : snprintf(line, sizeof line, "%s = %ld\n", what, r);
    if (write(2, line, n) < 0) write(1, line, n);
}

int main(void) {
    char buf[64];
    long r = read(0, buf, sizeof buf);
    say("read(0)", r, errno);
    r = write(1, "out\n", 4);
    say("write(1)", r, errno);
    r = write(2, "err\n", 4);
    say("write(2)", r, errno);
    return 0;
}
