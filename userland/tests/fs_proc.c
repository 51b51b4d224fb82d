/* fs_proc: /proc as programs use it: /proc/self is this process, /proc/self/fd/N names what N has open, (continued) */
/*
 * pipes show as pipe:[ino], meminfo starts with MemTotal, pipe-max-size is 1 MiB. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void link_of(int fd) {
    char path[64], target[256];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, target, sizeof target - 1);
    if (n < 0) { printf("fd %d: %s\n", fd, strerrorname_np(errno)); return; }
    target[n] = 0;
    char *base = strrchr(target, '/');
    if (strncmp(target, "pipe:[", 6) == 0) printf("fd %d: a pipe: %d\n", fd, target[n - 1] == ']');
    else printf("fd %d: ...%s\n", fd, base ? base : target);
}

int main(void) {
    char dir[] = "/tmp/fs_procXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    int fd = open("opened-file", O_CREAT | O_RDWR, 0644);
    int p[2];
    pipe(p);
    link_of(fd);
    link_of(p[0]);
    link_of(p[1]);
    link_of(99);
    struct stat st;
    printf("/proc/self is a directory: %d\n", stat("/proc/self", &st) == 0 && S_ISDIR(st.st_mode));
    char self[32], expect[32];
    ssize_t n = readlink("/proc/self", self, sizeof self - 1);
    self[n > 0 ? n : 0] = 0;
    snprintf(expect, sizeof expect, "%d", getpid());
    printf("/proc/self -> getpid(): %d\n", strcmp(self, expect) == 0);
    DIR *d = opendir("/proc/self/fd");
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d))) if (atoi(e->d_name) == fd || atoi(e->d_name) == p[1]) seen++;
    closedir(d);
    printf("/proc/self/fd lists both: %d\n", seen == 2);
    char line[256];
    FILE *f = fopen("/proc/meminfo", "r");
    fgets(line, sizeof line, f);
    fclose(f);
    printf("meminfo starts with MemTotal: %d\n", strncmp(line, "MemTotal:", 9) == 0);
    f = fopen("/proc/sys/fs/pipe-max-size", "r");
    fgets(line, sizeof line, f);
    fclose(f);
    printf("pipe-max-size: %s", line);
    f = fopen("/proc/self/maps", "r");
    int stack = 0, lines = 0;
    while (fgets(line, sizeof line, f)) { lines++; stack |= strstr(line, "[stack]") != NULL; }
    fclose(f);
    printf("maps has a [stack] line: %d\n", stack && lines > 2);
    close(fd);
    unlink("opened-file");
    chdir("/");
    rmdir(dir);
    return 0;
}
