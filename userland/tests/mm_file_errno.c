/* mm_file_errno: File mappings and access modes: EACCES, ENODEV, and what is allowed. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r == -1 || r == (long)MAP_FAILED) printf("%-44s -1 %s\n", what, strerrorname_np(errno));
    else printf("%-44s ok\n", what);
    errno = 0;
}

int main(void) {
    const char *path = "/tmp/mm_file_errno.dat";
    int w = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(w, "0123456789", 10);
    int ro = open(path, O_RDONLY), wo = open(path, O_WRONLY);
    long pg = 4096;
    show("O_RDONLY, MAP_SHARED, PROT_READ", (long)mmap(NULL, pg, PROT_READ, MAP_SHARED, ro, 0));
    show("O_RDONLY, MAP_SHARED, PROT_WRITE", (long)mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0));
    char *priv = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
    show("O_RDONLY, MAP_PRIVATE, PROT_WRITE", (long)priv);
    priv[0] = 'X';
    printf("private store on a read-only fd: %.3s\n", priv);
    show("O_WRONLY, MAP_SHARED, PROT_WRITE", (long)mmap(NULL, pg, PROT_WRITE, MAP_SHARED, wo, 0));
    show("O_WRONLY, MAP_PRIVATE, PROT_READ", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, wo, 0));
    char *shro = mmap(NULL, pg, PROT_READ, MAP_SHARED, ro, 0);
    show("mprotect shared read-only map to WRITE", mprotect(shro, pg, PROT_READ | PROT_WRITE));
    show("mprotect private map of O_RDONLY to WRITE", mprotect(priv, pg, PROT_READ | PROT_WRITE));
    char *shrw = mmap(NULL, pg, PROT_READ, MAP_SHARED, w, 0);
    show("mprotect shared map of O_RDWR to WRITE", mprotect(shrw, pg, PROT_READ | PROT_WRITE));
    shrw[1] = 'Y';
    char r[4] = {0};
    pread(ro, r, 3, 0);
    printf("after the upgraded store: %s\n", r);
    int dir = open("/tmp", O_RDONLY | O_DIRECTORY);
    show("a directory", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, dir, 0));
    int p[2];
    pipe(p);
    show("a pipe", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, p[0], 0));
    show("offset not page-aligned", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, ro, 100));
    show("offset beyond end of file (maps fine)", (long)mmap(NULL, pg, PROT_READ, MAP_PRIVATE, ro, 16 * pg));
    /* MAP_SHARED_VALIDATE|MAP_SYNC on a file without DAX: Linux EOPNOTSUPP, qemu 7.2 EINVAL: left out */
    show("msync MS_SYNC of a shared file map", msync(shrw, pg, MS_SYNC));
    show("msync MS_INVALIDATE", msync(shrw, pg, MS_INVALIDATE));
    unlink(path);
    return 0;
}
