/* ipc_memfd: memfd_create files (read/write, fstat, ftruncate, a shared mapping, /proc/self/fd name) and their seals, with the errors */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void) {
    show("bad flags", memfd_create("x", 0x100));
    show("bad name pointer", memfd_create((char *) 8, 0));
    char longname[300];
    memset(longname, 'n', sizeof longname);
    longname[249] = 0;
    show("name of 249", memfd_create(longname, 0) >= 0);
    longname[249] = 'n';
    longname[250] = 0;
    show("name of 250", memfd_create(longname, 0));
    int fd = memfd_create("vitrine", MFD_CLOEXEC);
    show("memfd_create", fd >= 0);
    show("FD_CLOEXEC", fcntl(fd, F_GETFD));
    struct stat st;
    fstat(fd, &st);
    printf("mode %o size %lld nlink %lu\n", st.st_mode, (long long) st.st_size, (unsigned long) st.st_nlink);
    char link[64], path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(path, link, sizeof link - 1);
    link[n > 0 ? n : 0] = 0;
    printf("link \"%s\"\n", link);
    show("write", write(fd, "hello memfd", 11));
    show("pread", pread(fd, link, 5, 6));
    printf("\"%.5s\"\n", link);
    show("ftruncate 8192", ftruncate(fd, 8192));
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    show("mmap", m == MAP_FAILED ? -1 : 0);
    strcpy(m + 4096, "via map");
    show("pread mapped", pread(fd, link, 7, 4096));
    printf("\"%.7s\"\n", link);
    show("F_GET_SEALS", fcntl(fd, F_GET_SEALS));
    show("F_ADD_SEALS without sealing", fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));
    munmap(m, 8192);
    close(fd);

    fd = memfd_create("sealed", MFD_ALLOW_SEALING);
    show("F_GET_SEALS allow", fcntl(fd, F_GET_SEALS));
    write(fd, "0123456789", 10);
    show("add SHRINK|GROW", fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW));
    show("truncate smaller", ftruncate(fd, 5));
    show("truncate larger", ftruncate(fd, 20));
    show("write inside", pwrite(fd, "ab", 2, 0));
    show("write past end", pwrite(fd, "ab", 2, 9));
    show("add WRITE", fcntl(fd, F_ADD_SEALS, F_SEAL_WRITE));
    show("write sealed", pwrite(fd, "ab", 2, 0));
    show("add bad bits", fcntl(fd, F_ADD_SEALS, 0x100));
    show("add SEAL", fcntl(fd, F_ADD_SEALS, F_SEAL_SEAL));
    show("add after SEAL", fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK));
    show("F_GET_SEALS", fcntl(fd, F_GET_SEALS));
    close(fd);

    char tmp[64];
    snprintf(tmp, sizeof tmp, "/tmp/memfd_plain_%d", getpid());
    int plain = open(tmp, O_RDWR | O_CREAT, 0600);
    show("F_GET_SEALS tmpfs file", fcntl(plain, F_GET_SEALS));
    close(plain);
    unlink(tmp);
    int p[2];
    pipe(p);
    show("F_GET_SEALS pipe", fcntl(p[0], F_GET_SEALS));
    return 0;
}
