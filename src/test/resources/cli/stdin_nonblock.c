/* fd 0 is a pipe that stays open and empty: O_NONBLOCK read is EAGAIN, poll says not ready. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

int main(void) {
    struct pollfd p = {.fd = 0, .events = POLLIN};
    printf("poll: %d revents %#x\n", poll(&p, 1, 0), p.revents);
    fcntl(0, F_SETFL, fcntl(0, F_GETFL) | O_NONBLOCK);
    char buf[16];
    long n = read(0, buf, sizeof buf);
    printf("read: %ld %s\n", n, n < 0 ? strerror(errno) : "");
    int avail = -1;
    printf("FIONREAD: %d avail %d\n", ioctl(0, FIONREAD, &avail), avail);
    return 0;
}
