/* fs_mount_user: mount and umount2 as a user: the strings, the options page and the mount point are checked first (EFAULT, EINVAL for a type past PATH_MAX, ENOENT, ENOTDIR), MS_NOUSER and bad umount flags are EINVAL, then EPERM without CAP_SYS_ADMIN */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#define BAD ((void *) 16)

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void) {
    show("mount tmpfs on /tmp", mount("none", "/tmp", "tmpfs", 0, NULL));
    show("mount with options", mount("none", "/tmp", "tmpfs", MS_NOSUID, "size=1m"));
    show("mount on a missing dir", mount("none", "/tmp/no/such/dir", "tmpfs", 0, NULL));
    show("mount on a file", mount("none", "/proc/self/status/x", "tmpfs", 0, NULL));
    show("mount, bad type pointer", mount("none", "/tmp", BAD, 0, NULL));
    show("mount, bad source pointer", mount(BAD, "/tmp", "tmpfs", 0, NULL));
    show("mount, bad target pointer", mount("none", BAD, "tmpfs", 0, NULL));
    show("mount, bad options pointer", mount("none", "/tmp", "tmpfs", 0, BAD));
    show("mount, bad type pointer, missing dir", mount("none", "/no/such", BAD, 0, NULL));
    show("mount, missing dir, MS_NOUSER", mount("none", "/no/such", "tmpfs", 1UL << 31, NULL));
    show("mount, MS_NOUSER", mount("none", "/tmp", "tmpfs", 1UL << 31, NULL));
    show("mount, NULL type", mount(NULL, "/tmp", NULL, 0, NULL));
    show("bind mount", mount("/tmp", "/tmp", NULL, MS_BIND, NULL));
    char *longtype = malloc(5001);
    memset(longtype, 'a', 5000);
    longtype[5000] = 0;
    show("mount, a type past PATH_MAX", mount("none", "/tmp", longtype, 0, NULL));
    show("mount, a type past PATH_MAX, missing dir", mount("none", "/no/such", longtype, 0, NULL));

    show("umount2 /tmp", umount2("/tmp", 0));
    show("umount /proc", umount("/proc"));
    show("umount2 MNT_DETACH", umount2("/tmp", MNT_DETACH));
    show("umount2 bad flags", umount2("/tmp", 0x10));
    show("umount2 bad flags, missing dir", umount2("/no/such", 0x10));
    show("umount2 missing dir", umount2("/no/such", 0));
    show("umount2 bad pointer", umount2(BAD, 0));
    show("umount2 a file", umount2("/proc/self/status", UMOUNT_NOFOLLOW));
    return 0;
}
