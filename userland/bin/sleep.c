/* sleep: pause for the sum of the arguments, in seconds (fractions allowed; a suffix
 * s, m, h or d multiplies). */
#include <time.h>
#include "util.h"

int main(int argc, char **argv) {
    prog = "sleep";
    if (argc < 2) die_usage("SECONDS...");
    double total = 0;
    for (int i = 1; i < argc; i++) {
        char *end;
        double v = strtod(argv[i], &end);
        if (end == argv[i] || v < 0) { warnx("invalid time interval '%s'", argv[i]); return 1; }
        if (*end == 'm') v *= 60, end++;
        else if (*end == 'h') v *= 3600, end++;
        else if (*end == 'd') v *= 86400, end++;
        else if (*end == 's') end++;
        if (*end) { warnx("invalid time interval '%s'", argv[i]); return 1; }
        total += v;
    }
    struct timespec ts = {(time_t)total, (long)((total - (time_t)total) * 1e9)};
    while (nanosleep(&ts, &ts) < 0)
        if (errno != EINTR) die_errno("nanosleep");
    return 0;
}
