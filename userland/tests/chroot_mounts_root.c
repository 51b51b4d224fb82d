/* chroot_mounts_root: /proc/PID/mounts and mountinfo of a process chrooted into /dev show the mounts below its root with points relative to it (devpts at /pts) and none outside it (/proc) */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* {lines, a devpts line at /pts, a line at /proc or below, a line whose point still starts with /dev} in one of the two files */
static void scan(const char *path, int mountinfo, int out[4]) {
    memset(out, 0, 4 * sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) return;
    char line[4096];
    while (fgets(line, sizeof line, f)) {
        char a[1024], b[1024], c[1024], d[1024], e[1024], type[256] = "";
        char *point;
        if (mountinfo) {
            if (sscanf(line, "%1023s %1023s %1023s %1023s %1023s", a, b, c, d, e) != 5) continue;
            point = e;
            char *dash = strstr(line, " - ");
            if (dash) sscanf(dash + 3, "%255s", type);
        } else {
            if (sscanf(line, "%1023s %1023s %255s", a, b, type) != 3) continue;
            point = b;
        }
        out[0]++;
        if (strcmp(point, "/pts") == 0 && strcmp(type, "devpts") == 0) out[1] = 1;
        if (strncmp(point, "/proc", 5) == 0) out[2] = 1;
        if (strncmp(point, "/dev/", 5) == 0) out[3] = 1;
    }
    fclose(f);
}

int main(void) {
    int ready[2], go[2];
    pipe(ready);
    pipe(go);
    pid_t c = fork();
    if (c == 0) {
        int ok = chroot("/dev") == 0 && chdir("/") == 0;
        write(ready[1], ok ? "1" : "0", 1);
        char x;
        read(go[0], &x, 1);
        _exit(0);
    }
    char x;
    read(ready[0], &x, 1);
    printf("child chrooted into /dev: %c\n", x);
    char path[64];
    int r[4];
    snprintf(path, sizeof path, "/proc/%d/mounts", c);
    scan(path, 0, r);
    printf("mounts: some lines %d, devpts at /pts %d, /proc shown %d, a point under /dev/ %d\n", r[0] > 0, r[1], r[2], r[3]);
    snprintf(path, sizeof path, "/proc/%d/mountinfo", c);
    scan(path, 1, r);
    printf("mountinfo: some lines %d, devpts at /pts %d, /proc shown %d, a point under /dev/ %d\n", r[0] > 0, r[1], r[2], r[3]);
    scan("/proc/self/mounts", 0, r);
    printf("my own mounts: /proc shown %d\n", r[2]);
    write(go[1], "x", 1);
    waitpid(c, NULL, 0);
    return 0;
}
