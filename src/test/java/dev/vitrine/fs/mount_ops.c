/* Name-space calls on a writable directory: run under Vitrine on a --mount and under
 * qemu-riscv64 on a copy of the same host directory; the outputs must agree.
 * argv[1]: the directory. Prints each call's result, then the whole tree, sorted. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#endif

static void r(const char *what, long rc) {
    if (rc < 0) printf("%-28s %s\n", what, strerrorname_np(errno));
    else printf("%-28s %ld\n", what, rc);
}

static long ren2(const char *a, const char *b, int flags) { return syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, flags); }

static void put(const char *p, const char *s) {
    int fd = open(p, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) { r(p, -1); return; }
    write(fd, s, strlen(s));
    close(fd);
}

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void tree(const char *dir, int depth) {
    DIR *d = opendir(dir);
    if (!d) { printf("%*s(cannot open %s: %s)\n", depth * 2, "", dir, strerrorname_np(errno)); return; }
    char *names[256]; int n = 0; struct dirent *e;
    while ((e = readdir(d)) && n < 256) if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof *names, cmp);
    for (int i = 0; i < n; i++) {
        char p[1024]; struct stat st;
        snprintf(p, sizeof p, "%s/%s", dir, names[i]);
        if (lstat(p, &st)) { printf("%*s%s ?\n", depth * 2, "", names[i]); continue; }
        if (S_ISDIR(st.st_mode)) { printf("%*s%s/ %o nlink %lu\n", depth * 2, "", names[i], st.st_mode & 07777, (unsigned long)st.st_nlink); tree(p, depth + 1); }
        else if (S_ISLNK(st.st_mode)) { char t[256] = {0}; readlink(p, t, 255); printf("%*s%s -> %s\n", depth * 2, "", names[i], t); }
        else if (S_ISFIFO(st.st_mode)) printf("%*s%s |\n", depth * 2, "", names[i]);
        else { char b[64] = {0}; int fd = open(p, O_RDONLY); read(fd, b, 63); close(fd);
               printf("%*s%s [%s] %o nlink %lu\n", depth * 2, "", names[i], b, st.st_mode & 0777, (unsigned long)st.st_nlink); }
        free(names[i]);
    }
}

int main(int argc, char **argv) {
    if (argc > 1) mkdir(argv[1], 0755);             /* a tmpfs run makes its own */
    if (argc < 2 || chdir(argv[1])) { perror("chdir"); return 1; }
    umask(022);
    r("mkdir d", mkdir("d", 0755));
    r("mkdir d/sub", mkdir("d/sub", 0755));
    put("d/f", "data");
    put("d/sub/g", "deep");
    r("mkdir d again", mkdir("d", 0755));
    r("rename d e", rename("d", "e"));
    r("mkdir d (new)", mkdir("d", 0755));
    r("open e/sub/g", open("e/sub/g", O_RDONLY) >= 0 ? 0 : -1);
    r("open d/f (gone)", open("d/f", O_RDONLY) >= 0 ? 0 : -1);
    put("a", "AAA");
    put("b", "BB");
    r("exchange a b", ren2("a", "b", RENAME_EXCHANGE));
    r("exchange e a (dir, file)", ren2("e", "a", RENAME_EXCHANGE));
    r("exchange a e (back)", ren2("a", "e", RENAME_EXCHANGE));
    r("exchange e d (dirs)", ren2("e", "d", RENAME_EXCHANGE));
    r("exchange a nothere", ren2("a", "nothere", RENAME_EXCHANGE));
    r("exchange|noreplace", ren2("a", "b", RENAME_EXCHANGE | RENAME_NOREPLACE));
    r("exchange d d/sub", ren2("d", "d/sub", RENAME_EXCHANGE));
    r("noreplace a b", ren2("a", "b", RENAME_NOREPLACE));
    r("noreplace a c", ren2("a", "c", RENAME_NOREPLACE));
    r("bad flags", ren2("c", "a", 8));
    r("mkdir empty", mkdir("empty", 0700));
    r("rename e empty", rename("e", "empty"));
    r("rename empty d (onto full)", rename("empty", "d"));
    r("rename b empty (file>dir)", rename("b", "empty"));
    r("rename empty b (dir>file)", rename("empty", "b"));
    r("rename empty empty/sub", rename("empty", "empty/sub"));
    r("rename d/sub d (parent)", rename("d/sub", "d"));
    r("rename c c", rename("c", "c"));
    r("link c c2", link("c", "c2"));
    struct stat s1, s2;
    stat("c", &s1); stat("c2", &s2);
    printf("same ino %d nlink %lu\n", s1.st_ino == s2.st_ino, (unsigned long)s1.st_nlink);
    r("rename c c2 (same inode)", rename("c", "c2"));
    r("link d x (dir)", link("d", "x"));
    r("link c c2 (exists)", link("c", "c2"));
    int fd = open("c2", O_RDWR);
    r("unlink c2 (open)", unlink("c2"));
    r("unlink c", unlink("c"));
    r("write after unlink", pwrite(fd, "zz", 2, 0));
    char buf[16] = {0};
    r("read after unlink", pread(fd, buf, 15, 0));
    printf("read [%s]\n", buf);
    close(fd);
    put("k", "keep");
    fd = open("k", O_RDWR);
    r("rename k d/k2", rename("k", "d/k2"));
    r("write renamed", pwrite(fd, "KEEP", 4, 0));
    close(fd);
    r("symlink sl", symlink("d/k2", "sl"));
    r("symlink sl again", symlink("x", "sl"));
    r("open via sl", open("sl", O_RDONLY) >= 0 ? 0 : -1);
    r("link sl sl2", linkat(AT_FDCWD, "sl", AT_FDCWD, "sl2", 0));
    r("symlink up", symlink("../nowhere", "up"));
    r("mkfifo ff", mkfifo("ff", 0644));
    r("mkfifo ff again", mkfifo("ff", 0644));
    r("rmdir d (full)", rmdir("d"));
    r("unlink d (dir)", unlink("d"));
    r("rmdir sl (link)", rmdir("sl"));
    r("rmdir d/sub", rmdir("d/sub"));
    r("rmdir nothere", rmdir("nothere"));
    r("mkdir deep/x", mkdir("deep/x", 0755));
    r("creat excl existing", open("b", O_CREAT | O_EXCL | O_WRONLY, 0644) >= 0 ? 0 : -1);
    r("unlink b/x (notdir)", unlink("b/x"));
    r("rename b/ z", rename("b/", "z"));
    char cwd[1024], here[400];
    getcwd(here, sizeof here);
    r("chdir d/sub", chdir("d/sub"));
    snprintf(cwd, sizeof cwd, "%s/d", here);
    char to[1024]; snprintf(to, sizeof to, "%s/moved", here);
    r("rename d moved (cwd inside)", rename(cwd, to));
    r("open ../k2 after move", open("../k2", O_RDONLY) >= 0 ? 0 : -1);
    r("creat here after move", open("made-in-cwd", O_CREAT | O_WRONLY, 0600) >= 0 ? 0 : -1);
    getcwd(cwd, sizeof cwd);
    printf("cwd ends %s\n", cwd + strlen(here));
    r("chdir back", chdir(here));
    r("chmod b 640", chmod("b", 0640));
    r("chmod moved 700", chmod("moved", 0700));
    struct timespec ts[2] = {{1000000000, 5}, {1234567890, 123456789}};
    r("utimensat b", utimensat(AT_FDCWD, "b", ts, 0));
    r("utimensat moved", utimensat(AT_FDCWD, "moved", ts, 0));
    stat("b", &s1);
    stat("moved", &s2);
    printf("b atime %ld.%09ld mtime %ld.%09ld, moved mtime %ld\n", (long)s1.st_atim.tv_sec, s1.st_atim.tv_nsec,
           (long)s1.st_mtim.tv_sec, s1.st_mtim.tv_nsec, (long)s2.st_mtim.tv_sec);
    umask(0);
    r("mkdir m777 (umask 0)", mkdir("m777", 0777));
    r("creat f666 (umask 0)", open("f666", O_CREAT | O_WRONLY, 0666) >= 0 ? 0 : -1);
    umask(022);
    r("rmdir moved/sub (full)", rmdir("moved/sub"));
    tree(".", 0);
    return 0;
}
