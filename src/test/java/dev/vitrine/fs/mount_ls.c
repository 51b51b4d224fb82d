/* Lists directories for the mount tests.
 *   mount_ls DIR...                names in each DIR, sorted, one a line
 *   mount_ls /proc/self/exe DIR... first "exe TARGET", then as above
 *   mount_ls hex DIR               each name in hex; opens, writes, renames it away and back;
 *                                  then makes a file named "new\xff\xfe" */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static int names(const char *dir, char **out) {
    DIR *d = opendir(dir);
    if (!d) { printf("opendir %s: %s\n", dir, strerror(errno)); return 0; }
    int n = 0; struct dirent *e;
    while ((e = readdir(d)) && n < 256) if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) out[n++] = strdup(e->d_name);
    closedir(d);
    qsort(out, n, sizeof *out, cmp);
    return n;
}

int main(int argc, char **argv) {
    char *nm[256];
    int i = 1;
    if (argc > 2 && !strcmp(argv[1], "hex")) {
        if (chdir(argv[2])) return 1;
        int n = names(".", nm);
        for (int k = 0; k < n; k++) {
            for (char *p = nm[k]; *p; p++) printf("%02x", (unsigned char)*p);
            int fd = open(nm[k], O_RDWR);
            int ok = fd >= 0 && write(fd, nm[k], strlen(nm[k])) > 0 && !rename(nm[k], "tmp") && !rename("tmp", nm[k]);
            printf(" %s\n", ok ? "ok" : strerror(errno));
            if (fd >= 0) close(fd);
        }
        int fd = open("new\xff\xfe", O_CREAT | O_EXCL | O_WRONLY, 0644);
        printf("made %s\n", fd >= 0 ? "ok" : strerror(errno));
        return 0;
    }
    if (argc > 1 && !strcmp(argv[1], "/proc/self/exe")) {
        char t[256] = {0};
        readlink(argv[1], t, 255);
        printf("exe %s\n", t);
        i = 2;
    }
    for (; i < argc; i++) {
        int n = names(argv[i], nm);
        for (int k = 0; k < n; k++) printf("%s\n", nm[k]);
    }
    return 0;
}
