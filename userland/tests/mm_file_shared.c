/* mm_file_shared: One page cache: MAP_SHARED stores are seen by read() at once and by other mappings; (continued) */
/*
 * MAP_PRIVATE stores are not; an untouched private page sees later write()s, a copied one does not. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    const char *path = "/tmp/mm_file_shared.dat";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    char buf[8192];
    memset(buf, '.', sizeof buf);
    memcpy(buf, "page zero", 9);
    memcpy(buf + 4096, "page one", 8);
    write(fd, buf, 6000);                       /* the second page is partial: 1904 bytes */

    char *sh = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *sh2 = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    char *pr = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    printf("maps: %d %d %d\n", sh != MAP_FAILED, sh2 != MAP_FAILED, pr != MAP_FAILED);
    printf("mapped: %.9s | %.8s\n", sh, sh + 4096);

    memcpy(sh, "SHARED", 6);
    char r[16] = {0};
    pread(fd, r, 9, 0);
    printf("read() after shared store: %s\n", r);
    printf("other shared mapping: %.9s\n", sh2);
    printf("untouched private page sees it too: %.9s\n", pr);

    memcpy(pr + 4096, "PRIVATE", 7);
    memset(r, 0, sizeof r);
    pread(fd, r, 8, 4096);
    printf("read() after private store: %s\n", r);
    printf("shared view of that page: %.8s\n", sh + 4096);

    pwrite(fd, "written", 7, 10);
    printf("write() seen by shared map: %.17s\n", sh);
    printf("write() seen by untouched private page: %.17s\n", pr);
    pwrite(fd, "again", 5, 4096 + 10);
    printf("write() not seen by copied private page: %.16s\n", pr + 4096);

    /* past end of file inside the last page: reads zero, stores are not kept */
    printf("tail reads zero: %d %d\n", sh[6000], sh[8191]);
    sh[7000] = 'Z';
    struct stat;
    printf("size still: %ld\n", (long)lseek(fd, 0, SEEK_END));

    /* a child sees the parent's shared stores; its private stores stay its own */
    pid_t pid = fork();
    if (pid == 0) {
        memcpy(sh + 100, "from child", 10);
        memcpy(pr + 100, "child private", 13);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    printf("parent sees child's shared store: %.10s\n", sh + 100);
    printf("parent's private copy unchanged: %.10s\n", pr + 100);

    /* mappings outlive close(); munmap writes dirty pages back */
    close(fd);
    memcpy(sh + 200, "after close", 11);
    munmap(sh, 8192);
    munmap(sh2, 8192);
    fd = open(path, O_RDONLY);
    memset(r, 0, sizeof r);
    pread(fd, r, 11, 200);
    printf("after munmap: %s\n", r);
    char *again = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
    printf("tail store was not kept: %d\n", again[7000]);
    unlink(path);
    return 0;
}
