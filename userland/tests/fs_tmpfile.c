/* fs_tmpfile: open O_TMPFILE: an unnamed regular file in the directory (no entry, st_nlink 0, mode less the umask), its flag checks (O_CREAT, read-only access, a non-directory), linkat through /proc/self/fd/N naming it once (not with O_EXCL), and its data */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, long r) { printf("%s: %s\n", what, r < 0 ? strerrorname_np(errno) : "ok"); }

static int entries(const char *dir) {
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d))) if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) n++;
    closedir(d);
    return n;
}

int main(void) {
    char dir[64], p[128], name[128];
    snprintf(dir, sizeof dir, "/tmp/fs_tmpfile.%d", getpid());
    mkdir(dir, 0700);
    umask(022);
    int fd = open(dir, O_TMPFILE | O_RDWR, 0666);
    show("O_TMPFILE|O_RDWR", fd);
    struct stat st;
    fstat(fd, &st);
    printf("regular %d, nlink %ld, mode %o, entries in the directory %d\n", S_ISREG(st.st_mode), (long) st.st_nlink,
           st.st_mode & 07777, entries(dir));
    printf("write %ld\n", (long) write(fd, "hello", 5));
    printf("F_GETFL has O_TMPFILE %d\n", (fcntl(fd, F_GETFL) & O_TMPFILE) == O_TMPFILE);
    show("O_TMPFILE|O_RDONLY", open(dir, O_TMPFILE | O_RDONLY, 0600));
    show("O_TMPFILE|O_CREAT", open(dir, O_TMPFILE | O_CREAT | O_RDWR, 0600));
    snprintf(p, sizeof p, "%s/nosuch", dir);
    show("O_TMPFILE in a missing directory", open(p, O_TMPFILE | O_RDWR, 0600));
    int reg = open("/proc/self/exe", O_RDONLY);
    (void) reg;
    show("O_TMPFILE on a file", open("/proc/self/exe", O_TMPFILE | O_RDWR, 0600));

    snprintf(p, sizeof p, "/proc/self/fd/%d", fd);
    snprintf(name, sizeof name, "%s/named", dir);
    show("linkat through /proc/self/fd", linkat(AT_FDCWD, p, AT_FDCWD, name, AT_SYMLINK_FOLLOW));
    fstat(fd, &st);
    printf("nlink %ld, entries %d\n", (long) st.st_nlink, entries(dir));
    char buf[8] = {0};
    int g = open(name, O_RDONLY);
    printf("read through the name: %ld \"%s\"\n", (long) read(g, buf, 7), buf);
    unlink(name);
    snprintf(name, sizeof name, "%s/again", dir);
    show("linkat once more after the unlink", linkat(AT_FDCWD, p, AT_FDCWD, name, AT_SYMLINK_FOLLOW));

    int x = open(dir, O_TMPFILE | O_WRONLY | O_EXCL, 0600);
    show("O_TMPFILE|O_EXCL", x);
    snprintf(p, sizeof p, "/proc/self/fd/%d", x);
    snprintf(name, sizeof name, "%s/excl", dir);
    show("linkat of an O_EXCL one", linkat(AT_FDCWD, p, AT_FDCWD, name, AT_SYMLINK_FOLLOW));
    printf("entries %d\n", entries(dir));
    rmdir(dir);
    return 0;
}
