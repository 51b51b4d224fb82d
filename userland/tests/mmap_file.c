/* mmap_file: file mappings (LINUX-NOTES facts) - MAP_SHARED stores visible to read() at once, MAP_PRIVATE stores not, untouched private pages see later write()s, the tail past EOF reads zeros, the mapping outlives close(), msync, permission errors (EACCES) and ENODEV for a pipe. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>

#define PG 4096

int main(void)
{
    char path[64], buf[64];
    snprintf(path, sizeof path, "/tmp/vitrine-mmap-%ld", (long)getpid());   /* never printed */
    int fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
    if (fd < 0) { printf("open failed: %s\n", strerror(errno)); return 1; }
    char data[2 * PG + 100];
    for (int i = 0; i < (int)sizeof data; i++) data[i] = (char)('A' + i % 26);
    write(fd, data, sizeof data);

    char *sh = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *pr = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("maps ok: %d %d\n", sh != MAP_FAILED, pr != MAP_FAILED);
    if (sh == MAP_FAILED || pr == MAP_FAILED) return 1;
    printf("contents: %.5s %.5s tail %d %d\n", sh + PG, pr + 2 * PG, sh[2 * PG + 100], pr[3 * PG - 1]);
    memcpy(sh, "SHARED", 6);
    pread(fd, buf, 6, 0);
    printf("shared store seen by read(): %.6s\n", buf);
    memcpy(pr + PG, "PRIVATE", 7);
    pread(fd, buf, 7, PG);
    printf("private store not seen by read(): %.7s\n", buf);
    printf("private mapping sees the shared store on an untouched page: %.6s\n", pr);
    pwrite(fd, "written", 7, 2 * PG + 10);
    printf("untouched private page sees a later write(): %.7s; shared: %.7s\n", pr + 2 * PG + 10, sh + 2 * PG + 10);
    pwrite(fd, "again!!", 7, PG);
    printf("copied private page does not: %.7s\n", pr + PG);
    sh[2 * PG + 200] = 'x';
    printf("store past EOF in the last page: size stays %ld\n", (long)lseek(fd, 0, SEEK_END));
    printf("msync: %d\n", msync(sh, 3 * PG, MS_SYNC));
    close(fd);
    printf("after close still mapped: %.6s\n", sh);
    munmap(sh, 3 * PG); munmap(pr, 3 * PG);

    int ro = open(path, O_RDONLY);
    errno = 0;
    void *m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
    printf("O_RDONLY + MAP_SHARED + PROT_WRITE: %s\n", m == MAP_FAILED ? strerror(errno) : "mapped?!");
    m = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
    printf("O_RDONLY + MAP_PRIVATE + PROT_WRITE: %s\n", m == MAP_FAILED ? strerror(errno) : "ok");
    m = mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0);
    errno = 0;
    printf("mprotect(PROT_WRITE) of a shared read-only mapping: %d %s\n", mprotect(m, PG, PROT_READ | PROT_WRITE), strerror(errno));
    errno = 0;
    printf("unaligned offset: %s\n", mmap(NULL, PG, PROT_READ, MAP_PRIVATE, ro, 100) == MAP_FAILED ? strerror(errno) : "mapped?!");
    close(ro);
    int p[2] = {-1, -1};
    pipe(p);
    errno = 0;
    printf("pipe: %s\n", mmap(NULL, PG, PROT_READ, MAP_PRIVATE, p[0], 0) == MAP_FAILED ? strerror(errno) : "mapped?!");
    unlink(path);
    return 0;
}
