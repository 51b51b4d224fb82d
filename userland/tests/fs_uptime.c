/* fs_uptime: /proc/uptime is two numbers with two decimals; it grows over a sleep; idle <= uptime. */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
static int readup(double *up, double *idle) {
    FILE *f = fopen("/proc/uptime", "r");
    if (!f) return -1;
    char line[128];
    if (!fgets(line, sizeof line, f)) return -1;
    fclose(f);
    int a, b, c, d; char nl;
    int n = sscanf(line, "%d.%2d %d.%2d%c", &a, &b, &c, &d, &nl);
    *up = a + b / 100.0; *idle = c + d / 100.0;
    return n == 5 && nl == '\n' ? 0 : -2;
}
int main(void) {
    double u1, i1, u2, i2;
    printf("format: %d\n", readup(&u1, &i1));
    struct timespec bt; clock_gettime(CLOCK_BOOTTIME, &bt);
    printf("near CLOCK_BOOTTIME: %d\n", u1 <= bt.tv_sec + 1 && u1 + 1 >= bt.tv_sec);
    usleep(300000);
    printf("format again: %d\n", readup(&u2, &i2));
    printf("grew by at least 0.29 s: %d\n", u2 - u1 >= 0.29);
    printf("idle never more than uptime times cpus: %d\n", i2 <= u2 * sysconf(_SC_NPROCESSORS_ONLN) + 0.01);
    return 0;
}
