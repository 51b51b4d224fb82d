/* txtbsy: a running program's file takes no writer (ETXTBSY): open for writing, O_TRUNC, truncate.
 * Checked against the native build (qemu-user maps the guest binary rather than exec'ing it, so
 * the host never denies writes to it). Found by sysfuzz: truncating its own executable killed
 * every process with SIGBUS. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s = -1 %s\n", what, strerrorname_np(errno));
    else printf("%s = ok\n", what);
    if (r > 2) close((int) r);
}

int main(void) {
    struct stat before, after;
    stat("/proc/self/exe", &before);
    show("open(/proc/self/exe, O_WRONLY)", open("/proc/self/exe", O_WRONLY));
    show("open(/proc/self/exe, O_RDWR)", open("/proc/self/exe", O_RDWR));
    show("open(/proc/self/exe, O_RDONLY|O_TRUNC)", open("/proc/self/exe", O_RDONLY | O_TRUNC));
    show("truncate(/proc/self/exe, 63)", truncate("/proc/self/exe", 63));
    show("open(/proc/self/exe, O_RDONLY)", open("/proc/self/exe", O_RDONLY));
    pid_t child = fork();
    if (child == 0) {
        show("in a child: truncate(/proc/self/exe, 0)", truncate("/proc/self/exe", 0));
        fflush(stdout);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    stat("/proc/self/exe", &after);
    printf("size unchanged: %d\n", before.st_size == after.st_size);
    return 0;
}
