/* /proc/self/cmdline holds argv's bytes as execve received them: an argument with bytes
 * 0xff and 0xe9 (not UTF-8) reads back as those bytes, not as their UTF-8 encoding. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc == 1) {
        char *args[] = {argv[0], "caf\xe9", "\xff\xfe", "plain", NULL};
        execv("/proc/self/exe", args);
        perror("execv");
        return 1;
    }
    char buf[256];
    int fd = open("/proc/self/cmdline", O_RDONLY);
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    size_t skip = strlen(buf) + 1;   /* argv[0]'s path differs between machines */
    printf("%zd bytes after argv[0]:", n - (ssize_t) skip);
    for (ssize_t i = (ssize_t) skip; i < n; i++) printf(" %02x", (unsigned char) buf[i]);
    printf("\n");
    return 0;
}
