/* pipe_packet: pipe2(O_DIRECT) packet mode: each write is a packet (a page at most), a read takes one packet and drops what it leaves */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

int main(void) {
    int p[2];
    char buf[8192];
    show("pipe2 O_DIRECT", pipe2(p, O_DIRECT | O_NONBLOCK));
    printf("O_DIRECT in F_GETFL: %d %d\n", !!(fcntl(p[0], F_GETFL) & O_DIRECT), !!(fcntl(p[1], F_GETFL) & O_DIRECT));
    write(p[1], "hello", 5);
    write(p[1], "abc", 3);
    write(p[1], "seventh", 7);
    show("read 100", read(p[0], buf, 100));
    show("read 100", read(p[0], buf, 100));
    show("read 2 of 7", read(p[0], buf, 2));
    show("rest dropped", read(p[0], buf, 100));
    memset(buf, 'x', 5000);
    show("write 5000", write(p[1], buf, 5000));
    show("first packet", read(p[0], buf, sizeof buf));
    show("second packet", read(p[0], buf, sizeof buf));
    close(p[0]);
    close(p[1]);
    pipe2(p, O_NONBLOCK);
    write(p[1], "one", 3);
    write(p[1], "two", 3);
    fcntl(p[0], F_SETFL, O_NONBLOCK | O_DIRECT);
    show("stream pipe read as packets", read(p[0], buf, 100));
    return 0;
}
