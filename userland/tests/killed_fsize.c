/* killed_fsize: a write at RLIMIT_FSIZE raises SIGXFSZ, whose default action ends the process */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void) {
    char path[64], b[200];
    snprintf(path, sizeof path, "/tmp/killed_fsize.%d", getpid());
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0600);
    unlink(path);
    memset(b, 'q', sizeof b);
    struct rlimit rl = {100, RLIM_INFINITY};
    setrlimit(RLIMIT_FSIZE, &rl);
    printf("first write: %zd\n", write(fd, b, sizeof b));
    fflush(stdout);
    write(fd, b, 1);
    printf("not reached\n");
    return 0;
}
