/* fs_proc_mounts: /proc/mounts is a link to self/mounts; each line has six fields ending "0 0", agrees with statvfs's flags on the mount point (ro, nosuid, nodev, noexec), and with mountinfo's line (point, type, st_dev); /proc and /dev/pts are where their file systems are; epoll may watch the table */
#define _GNU_SOURCE
#include <fcntl.h>
#include <mntent.h>
#include <poll.h>
#include <sys/epoll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#define MAX 256
static char *dirs[MAX], *types[MAX], *opts[MAX];
static int n;

/* mangle()'s escapes undone, as getmntent does */
static void unescape(char *s) {
    char *o = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
            *o++ = (char) ((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
            s += 3;
        } else *o++ = *s;
    }
    *o = 0;
}

/* The last line whose point holds path (the mount path lies on), or -1. */
static int holding(const char *path) {
    int best = -1;
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        size_t l = strlen(dirs[i]);
        int under = strcmp(dirs[i], "/") == 0 || (strncmp(path, dirs[i], l) == 0 && (path[l] == 0 || path[l] == '/'));
        if (under && l >= len) { best = i; len = strcmp(dirs[i], "/") == 0 ? 1 : l; }
    }
    return best;
}

/* Reads /proc/mounts into the tables; the count of lines with a bad field. */
static int read_mounts(void) {
    for (int i = 0; i < n; i++) { free(dirs[i]); free(types[i]); free(opts[i]); }
    n = 0;
    FILE *f = setmntent("/proc/mounts", "r");
    struct mntent *m;
    int bad_fields = 0;
    while ((m = getmntent(f)) && n < MAX) {
        if (m->mnt_freq != 0 || m->mnt_passno != 0 || !*m->mnt_fsname || !*m->mnt_type || !*m->mnt_opts) bad_fields++;
        dirs[n] = strdup(m->mnt_dir);
        types[n] = strdup(m->mnt_type);
        opts[n] = strdup(m->mnt_opts);
        n++;
    }
    endmntent(f);
    return bad_fields;
}

/* mountinfo against the tables: {lines, lines that differ, st_dev that differs}. */
static void read_mountinfo(int out[3]) {
    FILE *f = fopen("/proc/self/mountinfo", "r");
    char line[4096];
    int lines = 0, bad_info = 0, dev_differs = 0;
    while (fgets(line, sizeof line, f)) {
        int id, parent;
        unsigned maj, min;
        char root[1024], point[1024], mopts[1024], type[256];
        int k = sscanf(line, "%d %d %u:%u %1023s %1023s %1023s", &id, &parent, &maj, &min, root, point, mopts);
        char *dash = strstr(line, " - ");
        if (k != 7 || !dash || sscanf(dash + 3, "%255s", type) != 1) { bad_info++; lines++; continue; }
        unescape(point);
        if (lines >= n || strcmp(point, dirs[lines]) != 0 || strcmp(type, types[lines]) != 0) bad_info++;
        else if (holding(point) == lines) {
            struct stat st;
            if (stat(point, &st) == 0 && (major(st.st_dev) != maj || minor(st.st_dev) != min)) {
                dev_differs++;
                fprintf(stderr, "dev differs: %s %u:%u\n", point, maj, min);
            }
        }
        lines++;
    }
    fclose(f);
    out[0] = lines;
    out[1] = bad_info;
    out[2] = dev_differs;
}

int main(void) {
    char link[64];
    ssize_t l = readlink("/proc/mounts", link, sizeof link - 1);
    link[l < 0 ? 0 : l] = 0;
    printf("/proc/mounts -> %s\n", link);

    /* The host's table may change under the oracle (another test mounting): a few tries for one that holds still. */
    int bad_fields = 0, info[3] = {0, 0, 0};
    for (int tries = 0; tries < 5; tries++) {
        bad_fields = read_mounts();
        read_mountinfo(info);
        if (info[0] == n && info[1] == 0) break;
    }
    printf("lines: %d\n", n > 0);
    printf("lines with a bad field: %d\n", bad_fields);

    /* statvfs agrees with each visible mount's options */
    int checked = 0, disagree = 0;
    for (int i = 0; i < n; i++) {
        if (holding(dirs[i]) != i) continue;   /* covered by a later mount */
        struct statvfs sv;
        if (statvfs(dirs[i], &sv) < 0) continue;
        struct mntent e = {.mnt_opts = opts[i]};
        int ro = hasmntopt(&e, "ro") != NULL, nosuid = hasmntopt(&e, "nosuid") != NULL,
            nodev = hasmntopt(&e, "nodev") != NULL, noexec = hasmntopt(&e, "noexec") != NULL;
        checked++;
        if (ro != !!(sv.f_flag & ST_RDONLY) || nosuid != !!(sv.f_flag & ST_NOSUID) || nodev != !!(sv.f_flag & ST_NODEV)
                || noexec != !!(sv.f_flag & ST_NOEXEC)) {
            disagree++;
            fprintf(stderr, "disagrees: %s %s %lx\n", dirs[i], opts[i], sv.f_flag);
        }
    }
    printf("mount points checked: %d; options that disagree with statvfs: %d\n", checked > 2, disagree);

    int hp = holding("/proc/self"), hd = holding("/dev/pts/0");
    printf("/proc/self lies on: %s\n", hp < 0 ? "-" : types[hp]);
    printf("/dev/pts/0 lies on: %s\n", hd < 0 ? "-" : types[hd]);
    printf("/ is a mount: %d\n", holding("/") >= 0);
    printf("mountinfo lines as many: %d; lines that differ from mounts: %d; st_dev differs: %d\n", info[0] == n, info[1], info[2]);

    /* mounts_poll: epoll may watch the table (a change would bring EPOLLPRI), and it polls readable */
    int fd = open("/proc/self/mounts", O_RDONLY), ep = epoll_create1(0);
    struct epoll_event e = {.events = EPOLLPRI | EPOLLIN};
    printf("epoll_ctl ADD /proc/self/mounts: %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e));
    struct pollfd pf = {.fd = fd, .events = POLLIN | POLLOUT};
    poll(&pf, 1, 0);
    printf("poll: readable %d writable %d\n", !!(pf.revents & POLLIN), !!(pf.revents & POLLOUT));
    int st = open("/proc/self/status", O_RDONLY);
    printf("epoll_ctl ADD /proc/self/status: %d\n", epoll_ctl(ep, EPOLL_CTL_ADD, st, &e));
    return 0;
}
