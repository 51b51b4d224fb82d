/* fs_mount_root: root mounts a tmpfs (size=, mode=) on a directory: it covers what was there, has its own st_dev, statfs and /proc/mounts line, ENOSPC at its size, EXDEV across it, EBUSY for rmdir and for umount while a file in it is open, EPOLLPRI on /proc/self/mounts; umount brings the covered files back; MNT_DETACH leaves an open file working */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static char dir[64], file[96], under[96];

/* The /proc/self/mounts line of dir, its type and options, or 0. */
static int mounted(char *type, char *opts) {
    FILE *f = fopen("/proc/self/mounts", "r");
    char line[4096], src[1024], point[1024];
    int found = 0;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "%1023s %1023s %255s %1023s", src, point, type, opts) == 4 && strcmp(point, dir) == 0) found = 1;
    fclose(f);
    return found;
}

int main(void) {
    snprintf(dir, sizeof dir, "/tmp/mnt_%d", getpid());
    snprintf(under, sizeof under, "%s/under", dir);
    snprintf(file, sizeof file, "%s/file", dir);
    mkdir(dir, 0755);
    close(open(under, O_CREAT | O_WRONLY, 0644));
    struct stat before, st;
    stat(dir, &before);

    int mfd = open("/proc/self/mounts", O_RDONLY), ep = epoll_create1(0);
    struct epoll_event e = {.events = EPOLLPRI};
    epoll_ctl(ep, EPOLL_CTL_ADD, mfd, &e);
    show("no mount change yet", epoll_wait(ep, &e, 1, 0));

    show("bad option", mount("none", dir, "tmpfs", 0, "colour=red"));
    show("bad size", mount("none", dir, "tmpfs", 0, "size=lots"));
    show("mount on a file", mount("none", under, "tmpfs", 0, NULL));
    show("mount tmpfs size=64k,mode=0700", mount("none", dir, "tmpfs", 0, "size=64k,mode=0700"));
    int n = epoll_wait(ep, &e, 1, 0);
    printf("mount change seen: %d, EPOLLPRI %d, EPOLLERR %d\n", n, n == 1 && (e.events & EPOLLPRI) != 0, n == 1 && (e.events & EPOLLERR) != 0);
    show("seen once", epoll_wait(ep, &e, 1, 0));
    stat(dir, &st);
    printf("mode %o, own device %d, nlink %lu\n", st.st_mode & 07777, st.st_dev != before.st_dev, (unsigned long) st.st_nlink);
    printf("the covered file is hidden: %d\n", access(under, F_OK) < 0 && errno == ENOENT);
    struct statfs sf;
    statfs(dir, &sf);
    printf("statfs: tmpfs %d, blocks %ld, free %ld, bsize %ld\n", sf.f_type == 0x01021994, (long) sf.f_blocks, (long) sf.f_bfree, (long) sf.f_bsize);
    char type[256], opts[1024];
    int m = mounted(type, opts);
    printf("/proc/self/mounts: listed %d, type %s, options %s\n", m, m ? type : "-", m ? opts : "-");

    int fd = open(file, O_CREAT | O_RDWR, 0644);
    char buf[4096];
    memset(buf, 'x', sizeof buf);
    long total = 0;
    for (int i = 0; i < 40; i++) {
        ssize_t w = write(fd, buf, sizeof buf);
        if (w < 0) { printf("write stops at %ld bytes: %s\n", total, strerrorname_np(errno)); break; }
        total += w;
    }
    char out[64];
    snprintf(out, sizeof out, "/tmp/moved_%d", getpid());
    show("rename out of it", rename(file, out));
    show("rmdir the mount point", rmdir(dir));
    char other[96];
    snprintf(other, sizeof other, "%s_renamed", dir);
    show("rename the mount point", rename(dir, other));
    show("umount while a file is open", umount(dir));
    close(fd);
    show("umount", umount(dir));
    printf("the covered file is back: %d\n", access(under, F_OK) == 0);
    show("umount again (no mount root)", umount(dir));
    printf("/proc/self/mounts: listed %d\n", mounted(type, opts));

    show("mount again", mount("none", dir, "tmpfs", 0, "size=16k"));
    fd = open(file, O_CREAT | O_RDWR, 0644);
    write(fd, "kept", 4);
    show("umount MNT_DETACH with a file open", umount2(dir, MNT_DETACH));
    char back[8] = "";
    pread(fd, back, 4, 0);
    printf("the open file still reads: %s\n", back);
    close(fd);
    printf("the covered file is back: %d\n", access(under, F_OK) == 0);

    unlink(under);
    rmdir(dir);
    return 0;
}
