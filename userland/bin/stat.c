/* stat: show a file's inode: what stat(2) returns (GNU stat's layout, numeric times). */
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include "util.h"

static const char *kind(mode_t m, off_t size) {
    if (S_ISREG(m)) return size ? "regular file" : "regular empty file";
    if (S_ISDIR(m)) return "directory";
    if (S_ISLNK(m)) return "symbolic link";
    if (S_ISFIFO(m)) return "fifo";
    if (S_ISCHR(m)) return "character special file";
    if (S_ISBLK(m)) return "block special file";
    if (S_ISSOCK(m)) return "socket";
    return "weird file";
}

static void mode_string(mode_t m, char *s) {
    s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISFIFO(m) ? 'p' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' : S_ISSOCK(m) ? 's' : '-';
    const char *rwx = "rwxrwxrwx";
    for (int k = 0; k < 9; k++) s[1 + k] = (m & (0400 >> k)) ? rwx[k] : '-';
    if (m & S_ISUID) s[3] = s[3] == 'x' ? 's' : 'S';
    if (m & S_ISGID) s[6] = s[6] == 'x' ? 's' : 'S';
    if (m & S_ISVTX) s[9] = s[9] == 'x' ? 't' : 'T';
    s[10] = 0;
}

/* The name of uid/gid `id` from /etc/passwd or /etc/group, else the number. */
static void id_name(const char *file, unsigned id, char *out, size_t size) {
    snprintf(out, size, "UNKNOWN");
    FILE *f = fopen(file, "r");
    if (!f) return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        char *name = strtok(line, ":"), *pw = strtok(NULL, ":"), *num = strtok(NULL, ":");
        if (name && pw && num && (unsigned)atoi(num) == id) { snprintf(out, size, "%s", name); break; }
    }
    fclose(f);
}

static void when(const char *label, struct timespec t) {
    struct tm tm;
    char buf[64];
    localtime_r(&t.tv_sec, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    char zone[16];
    strftime(zone, sizeof zone, "%z", &tm);
    printf("%s: %s.%09ld %s\n", label, buf, t.tv_nsec, zone);
}

int main(int argc, char **argv) {
    prog = "stat";
    int i = 1, follow = 0;
    if (i < argc && strcmp(argv[i], "-L") == 0) follow = 1, i++;
    if (i >= argc) die_usage("[-L] FILE...");
    int rc = 0;
    for (; i < argc; i++) {
        struct stat st;
        if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) < 0) {
            fprintf(stderr, "stat: cannot statx '%s': %s\n", argv[i], strerror(errno));
            rc = 1;
            continue;
        }
        char target[4096] = "";
        if (S_ISLNK(st.st_mode)) {
            ssize_t n = readlink(argv[i], target, sizeof target - 1);
            if (n > 0) target[n] = 0;
        }
        if (*target) printf("  File: %s -> %s\n", argv[i], target);
        else printf("  File: %s\n", argv[i]);
        printf("  Size: %-10lld\tBlocks: %-10lld IO Block: %-6ld %s\n", (long long)st.st_size,
               (long long)st.st_blocks, (long)st.st_blksize, kind(st.st_mode, st.st_size));
        printf("Device: %lu,%lu\tInode: %-11llu Links: %ld", (unsigned long)major(st.st_dev),
               (unsigned long)minor(st.st_dev), (unsigned long long)st.st_ino, (long)st.st_nlink);
        if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
            printf("     Device type: %x,%x", major(st.st_rdev), minor(st.st_rdev));
        putchar('\n');
        char mode[11], owner[32], group[32];
        mode_string(st.st_mode, mode);
        id_name("/etc/passwd", st.st_uid, owner, sizeof owner);
        id_name("/etc/group", st.st_gid, group, sizeof group);
        printf("Access: (%04o/%s)  Uid: (%5u/%8s)   Gid: (%5u/%8s)\n", st.st_mode & 07777, mode, (unsigned)st.st_uid, owner,
               (unsigned)st.st_gid, group);
        when("Access", st.st_atim);
        when("Modify", st.st_mtim);
        when("Change", st.st_ctim);
    }
    return rc;
}
