/* fs_dirs: Directories and names: mkdir, rmdir, rename, link, symlink, readlink, getdents64 (sorted), chdir, nlink counts. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = %ld\n", what, r);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *) a, *(char *const *) b); }

/* getdents64 order differs between file systems: list, sort, print with types. */
static void list(const char *path) {
    DIR *d = opendir(path);
    if (!d) { printf("opendir %s: %s\n", path, strerrorname_np(errno)); return; }
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 64) {
        char *s = malloc(300);
        snprintf(s, 300, "%s(%c)", e->d_name, e->d_type == DT_DIR ? 'd' : e->d_type == DT_REG ? 'f'
                 : e->d_type == DT_LNK ? 'l' : e->d_type == DT_FIFO ? 'p' : '?');
        names[n++] = s;
    }
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    printf("%s:", path);
    for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
    printf("\n");
}

static long nlink(const char *p) {
    struct stat st;
    return lstat(p, &st) < 0 ? -errno : (long) st.st_nlink;
}

int main(void) {
    char dir[] = "/tmp/fs_dirsXXXXXX";
    if (!mkdtemp(dir) || chdir(dir) < 0) { perror("setup"); return 1; }
    umask(022);
    check("mkdir a", mkdir("a", 0755));
    check("mkdir a again", mkdir("a", 0755));
    check("mkdir a/b", mkdir("a/b", 0755));
    check("mkdir missing/x", mkdir("missing/x", 0755));
    printf("nlink . %ld, a %ld, a/b %ld\n", nlink("."), nlink("a"), nlink("a/b"));
    int fd = open("a/f", O_CREAT | O_WRONLY, 0644);
    write(fd, "data\n", 5);
    close(fd);
    check("link a/f a/g", link("a/f", "a/g"));
    printf("nlink a/f %ld\n", nlink("a/f"));
    check("link onto existing", link("a/f", "a/g"));
    check("link a dir", link("a/b", "a/c"));
    check("symlink f -> a/s", symlink("f", "a/s"));
    check("symlink dangling", symlink("nowhere", "a/dangle"));
    char buf[256];
    long n = readlink("a/s", buf, sizeof buf);
    printf("readlink a/s = %ld %.*s\n", n, (int) n, buf);
    check("readlink short buffer", readlink("a/s", buf, 0));
    check("readlink of a file", readlink("a/f", buf, sizeof buf));
    struct stat st, lst;
    stat("a/s", &st);
    lstat("a/s", &lst);
    printf("stat through link: reg %d size %ld; lstat: lnk %d size %ld\n", S_ISREG(st.st_mode), (long) st.st_size,
           S_ISLNK(lst.st_mode), (long) lst.st_size);
    check("open dangling", open("a/dangle", O_RDONLY));
    check("open link O_NOFOLLOW", open("a/s", O_RDONLY | O_NOFOLLOW));
    check("symlink loop", symlink("loop", "a/loop"));
    check("open loop", open("a/loop", O_RDONLY));
    check("O_CREAT through dangling link", (fd = open("a/dangle", O_CREAT | O_WRONLY, 0644)) >= 0 ? 0 : -1);
    close(fd);
    list("a");
    check("unlink a dir", unlink("a/b"));
    check("rmdir a file", rmdir("a/f"));
    check("rmdir non-empty", rmdir("a"));
    check("rmdir .", rmdir("a/b/."));
    check("rename f -> h", rename("a/f", "a/h"));
    check("rename over existing file", rename("a/h", "a/g"));
    printf("nlink a/g after rename over its twin: %ld\n", nlink("a/g"));
    check("rename missing", rename("a/zz", "a/yy"));
    check("rename dir into itself", rename("a", "a/b/a"));
    check("mkdir c", mkdir("c", 0755));
    check("rename file over dir", rename("a/g", "c"));
    check("rename dir over file", rename("a/b", "a/g"));
    check("rename dir over empty dir", rename("a/b", "c"));
    printf("nlink . %ld, a %ld, c %ld\n", nlink("."), nlink("a"), nlink("c"));
    check("mkdir c/x", mkdir("c/x", 0755));
    check("rename dir over non-empty dir", rename("a", "c"));
    check("renameat2 NOREPLACE", renameat2(AT_FDCWD, "a/g", AT_FDCWD, "a/s", RENAME_NOREPLACE));
    list(".");
    list("a");

    /* chdir, getcwd (printed relative to the start), fchdir and *at() calls against a dirfd. */
    check("chdir c/x", chdir("c/x"));
    getcwd(buf, sizeof buf);
    printf("cwd ends with: %s\n", buf + strlen(dir));
    check("chdir ..", chdir("../.."));
    getcwd(buf, sizeof buf);
    printf("cwd is start: %d\n", strcmp(buf, dir) == 0);
    check("chdir to a file", chdir("a/g"));
    check("getcwd too small", getcwd(buf, 2) ? 0 : -1);
    int dfd = open("c", O_RDONLY | O_DIRECTORY);
    check("openat rel to dirfd", fd = openat(dfd, "new", O_CREAT | O_WRONLY, 0600));
    close(fd);
    check("fstatat", fstatat(dfd, "new", &st, 0));
    printf("new: mode %o\n", st.st_mode & 0777);
    check("mkdirat", mkdirat(dfd, "sub", 0700));
    check("unlinkat dir without flag", unlinkat(dfd, "sub", 0));
    check("unlinkat AT_REMOVEDIR", unlinkat(dfd, "sub", AT_REMOVEDIR));
    check("faccessat F_OK", faccessat(dfd, "new", F_OK, 0));
    check("faccessat missing", faccessat(dfd, "gone", F_OK, 0));
    check("fchdir", fchdir(dfd));
    check("access new", access("new", F_OK));
    check("openat on a file fd", openat(open("new", O_RDONLY), "x", O_RDONLY));
    chdir(dir);
    list("c");
    check("utimensat", utimensat(AT_FDCWD, "c/new", (struct timespec[]) {{1000, 5}, {2000, 7}}, 0));
    stat("c/new", &st);
    printf("times: atime %ld.%09ld mtime %ld.%09ld\n", (long) st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    check("chmod", chmod("c/new", 0640));
    stat("c/new", &st);
    printf("after chmod: %o\n", st.st_mode & 07777);

    /* Long names and paths. */
    char longname[300];
    memset(longname, 'n', 256);
    longname[256] = 0;
    check("name of 256 bytes", open(longname, O_CREAT | O_RDONLY, 0644));
    longname[255] = 0;
    check("name of 255 bytes", fd = open(longname, O_CREAT | O_RDONLY, 0644));
    close(fd);
    unlink(longname);

    /* An unlinked open file stays readable. */
    fd = open("tmpf", O_CREAT | O_RDWR, 0644);
    write(fd, "still here\n", 11);
    unlink("tmpf");
    fstat(fd, &st);
    printf("unlinked: nlink %ld size %ld\n", (long) st.st_nlink, (long) st.st_size);
    lseek(fd, 0, SEEK_SET);
    n = read(fd, buf, sizeof buf);
    printf("read %ld: %.*s", n, (int) n, buf);
    close(fd);

    /* Clean up everything. */
    const char *files[] = {"a/g", "a/h", "a/s", "a/dangle", "a/loop", "a/nowhere", "c/new", "c/x"};
    for (int i = 0; i < 8; i++) if (unlink(files[i]) < 0) rmdir(files[i]);
    rmdir("c");
    rmdir("a");
    chdir("/");
    check("rmdir tmpdir", rmdir(dir));
    return 0;
}
