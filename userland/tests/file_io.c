/* file_io: files in a fresh directory under /tmp - open/creat flags, write/read/pread/pwrite, lseek (SEEK_END, holes), O_APPEND, ftruncate, fstat sizes and types, dup/dup2 shared offsets, rename/unlink/mkdir/rmdir, sorted readdir, stdio on files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <dirent.h>
#include <sys/stat.h>

static char dir[64];
static char *path(const char *name) { static char b[2][128]; static int k; k ^= 1; snprintf(b[k], sizeof b[k], "%s/%s", dir, name); return b[k]; }
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static const char *type(mode_t m) { return S_ISREG(m) ? "reg" : S_ISDIR(m) ? "dir" : S_ISFIFO(m) ? "fifo" : S_ISLNK(m) ? "lnk" : "other"; }

int main(void)
{
    umask(022);
    snprintf(dir, sizeof dir, "/tmp/vitrine-conf-%ld", (long)getpid());   /* the name itself is never printed */
    printf("mkdir %d\n", mkdir(dir, 0755));
    int fd = open(path("a.txt"), O_CREAT | O_RDWR | O_TRUNC, 0644);
    printf("open a.txt ok %d\n", fd >= 0);
    printf("write %zd\n", write(fd, "hello, file\n", 12));
    printf("lseek cur %ld end %ld\n", (long)lseek(fd, 0, SEEK_CUR), (long)lseek(fd, 0, SEEK_END));
    char buf[64] = {0};
    printf("pread %zd [%.5s]\n", pread(fd, buf, 5, 7), buf);
    printf("pwrite %zd, offset still %ld\n", pwrite(fd, "HELLO", 5, 0), (long)lseek(fd, 0, SEEK_CUR));
    printf("lseek 100 %ld, write %zd\n", (long)lseek(fd, 100, SEEK_SET), write(fd, "X", 1));
    struct stat st;
    fstat(fd, &st);
    printf("fstat size %ld type %s mode %o\n", (long)st.st_size, type(st.st_mode), st.st_mode & 07777);
    lseek(fd, 0, SEEK_SET);
    memset(buf, 0, sizeof buf);
    ssize_t n = read(fd, buf, sizeof buf);
    int zeros = 0;
    for (ssize_t i = 12; i < n; i++) zeros += buf[i] == 0;
    printf("read %zd [%.12s] hole zeros %d\n", n, buf, zeros);
    printf("lseek -1 %ld errno %s; whence 9 %ld errno %s\n", (long)lseek(fd, -1, SEEK_SET), strerror(errno), (long)lseek(fd, 0, 9), strerror(errno));
    printf("ftruncate 4: %d\n", ftruncate(fd, 4));
    fstat(fd, &st);
    printf("size after ftruncate %ld\n", (long)st.st_size);
    int d = dup(fd);
    lseek(fd, 2, SEEK_SET);
    printf("dup shares offset: %ld\n", (long)lseek(d, 0, SEEK_CUR));
    int d2 = dup2(fd, 10);
    printf("dup2 -> %d, fcntl(F_GETFD) %d\n", d2, fcntl(d2, F_GETFD));
    close(d); close(d2); close(fd);

    fd = open(path("log"), O_CREAT | O_WRONLY | O_APPEND, 0600);
    write(fd, "one\n", 4);
    lseek(fd, 0, SEEK_SET);
    write(fd, "two\n", 4);
    pwrite(fd, "three\n", 6, 0);
    close(fd);
    fd = open(path("log"), O_RDONLY);
    memset(buf, 0, sizeof buf);
    n = read(fd, buf, sizeof buf);
    close(fd);
    printf("append file: %zd bytes [%s]\n", n, buf);
    stat(path("log"), &st);
    printf("log mode %o\n", st.st_mode & 07777);

    printf("O_EXCL existing: %d %s\n", open(path("log"), O_CREAT | O_EXCL | O_WRONLY, 0600), strerror(errno));
    printf("open missing: %d %s\n", open(path("missing"), O_RDONLY), strerror(errno));
    printf("open dir O_WRONLY: %d %s\n", open(dir, O_WRONLY), strerror(errno));
    printf("rename %d\n", rename(path("a.txt"), path("b.txt")));
    printf("stat old: %d %s\n", stat(path("a.txt"), &st), strerror(errno));
    printf("mkdir sub %d, again %d %s\n", mkdir(path("sub"), 0700), mkdir(path("sub"), 0700), strerror(errno));
    stat(path("sub"), &st);
    printf("sub type %s mode %o\n", type(st.st_mode), st.st_mode & 07777);
    printf("symlink %d readlink ", symlink("b.txt", path("link")));
    memset(buf, 0, sizeof buf);
    printf("%zd [%s]\n", readlink(path("link"), buf, sizeof buf), buf);
    lstat(path("link"), &st);
    printf("lstat link type %s; ", type(st.st_mode));
    stat(path("link"), &st);
    printf("stat through link type %s size %ld\n", type(st.st_mode), (long)st.st_size);

    FILE *f = fopen(path("stdio.txt"), "w+");
    if (!f) { printf("fopen failed: %s\n", strerror(errno)); return 1; }
    for (int i = 0; i < 1000; i++) fprintf(f, "%d\n", i * i);
    fflush(f);
    printf("ftell %ld\n", ftell(f));
    rewind(f);
    long sum = 0, v;
    while (fscanf(f, "%ld", &v) == 1) sum += v;
    printf("fscanf sum %ld\n", sum);
    fseek(f, -4, SEEK_END);
    printf("tail [%s]\n", fgets(buf, sizeof buf, f));
    fclose(f);

    DIR *dp = opendir(dir);
    if (!dp) { printf("opendir failed: %s\n", strerror(errno)); return 1; }
    char *names[16]; int cnt = 0;
    struct dirent *e;
    while ((e = readdir(dp)) && cnt < 16) names[cnt++] = strdup(e->d_name);
    closedir(dp);
    qsort(names, cnt, sizeof names[0], cmp);
    printf("readdir:");
    for (int i = 0; i < cnt; i++) { printf(" %s", names[i]); free(names[i]); }
    printf("\n");
    printf("rmdir non-empty: %d %s\n", rmdir(dir), strerror(errno));
    printf("unlink %d %d %d %d rmdir sub %d rmdir %d\n", unlink(path("b.txt")), unlink(path("log")), unlink(path("link")), unlink(path("stdio.txt")),
           rmdir(path("sub")), rmdir(dir));
    printf("unlink again: %d %s\n", unlink(path("log")), strerror(errno));
    return 0;
}
