/* fs_long_paths: a path argument without a NUL in PATH_MAX readable bytes is ENAMETOOLONG, one that runs into an unmapped page first is EFAULT (lstat, statfs, open, execve's E2BIG for a long argument) */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <unistd.h>

static char longpath[PATH_MAX + 2];
static char longname[NAME_MAX + 2];

static void show(const char *what, long r) {
    printf("%s: %ld %s\n", what, r, r < 0 ? strerrorname_np(errno) : "");
}

int main(void) {
    struct stat st;
    struct statfs sf;
    memset(longpath, 'a', PATH_MAX + 1);
    show("lstat PATH_MAX+1", lstat(longpath, &st));
    show("statfs PATH_MAX+1", statfs(longpath, &sf));
    show("open PATH_MAX+1", open(longpath, O_RDONLY));
    memset(longpath, 'a', PATH_MAX);
    longpath[PATH_MAX] = 0;
    show("lstat PATH_MAX", lstat(longpath, &st));
    longpath[PATH_MAX - 1] = 0;
    show("lstat PATH_MAX-1", lstat(longpath, &st));
    memset(longname, 'b', NAME_MAX + 1);
    show("lstat NAME_MAX+1", lstat(longname, &st));
    longname[NAME_MAX] = 0;
    show("lstat NAME_MAX", lstat(longname, &st));

    /* 100 bytes without a NUL at the end of a page whose successor is unmapped */
    long pg = sysconf(_SC_PAGESIZE);
    char *two = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(two + pg, pg);
    memset(two + pg - 100, 'c', 100);
    show("lstat into a hole", lstat(two + pg - 100, &st));
    show("statfs into a hole", statfs(two + pg - 100, &sf));
    show("lstat of NULL", syscall(SYS_newfstatat, AT_FDCWD, NULL, &st, AT_SYMLINK_NOFOLLOW));
    show("lstat of (char *)-1", lstat((char *) -1, &st));

    /* execve: an argument longer than MAX_ARG_STRLEN is E2BIG, one that runs into a hole EFAULT */
    static char huge[32 * 4096 + 10];
    memset(huge, 'd', sizeof huge - 1);
    char *argv1[] = {"x", huge, NULL};
    show("execve long argument", execve("/proc/self/exe", argv1, NULL));
    char *argv2[] = {"x", two + pg - 100, NULL};
    show("execve argument into a hole", execve("/proc/self/exe", argv2, NULL));
    return 0;
}
