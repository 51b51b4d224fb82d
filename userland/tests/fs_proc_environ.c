/* fs_proc_environ: /proc/self/environ holds the environment execve gave, NUL-ended strings, bytes as they are; a child's too.
   The first process's entries are printed sorted: qemu-user shows its own environ there, which the harness gives reversed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *) a, *(char *const *) b); }

static void show(const char *path, int sorted) {
    int fd = open(path, O_RDONLY);
    char buf[8192];
    ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf);
    printf("%s: %zd bytes, last is NUL: %d\n", path, n, n > 0 && buf[n - 1] == 0);
    char *e[256];
    int k = 0;
    for (ssize_t i = 0; i < n && k < 256; i += strlen(buf + i) + 1) e[k++] = buf + i;
    if (sorted) qsort(e, k, sizeof e[0], cmp);
    for (int i = 0; i < k; i++) printf("  [%s]\n", e[i]);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0) printf("  mode %o size %lld\n", st.st_mode & 07777, (long long) st.st_size);
    if (fd >= 0) close(fd);
}
int main(int argc, char **argv, char **envp) {
    (void) argc;
    if (argv[1]) { show("/proc/self/environ", 0); return 0; }
    show("/proc/self/environ", 1);
    setenv("ADDED", "later", 1);   /* the process's own copy changes; the file shows what execve laid out */
    show("/proc/self/environ", 1);
    pid_t c = fork();
    if (c == 0) {
        char *env[] = {"A=1", "B=\xff\xfe", "", "C=3", NULL};
        char *args[] = {argv[0], "child", NULL};
        execve("/proc/self/exe", args, env);
        _exit(127);
    }
    int st;
    waitpid(c, &st, 0);
    return 0;
}
