/* ipc_unix_socket: AF_UNIX sockets: socketpair stream/dgram/seqpacket, bind/listen/connect/accept4 on paths and abstract names, getsockname/getpeername, shutdown, SO_PEERCRED and other options, SCM_RIGHTS, EPIPE, and the errors */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static void show(const char *what, long r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerrorname_np(errno));
    else printf("%s: %ld\n", what, r);
}

static socklen_t unaddr(struct sockaddr_un *a, const char *path) {
    memset(a, 0, sizeof *a);
    a->sun_family = AF_UNIX;
    strcpy(a->sun_path, path);
    return offsetof(struct sockaddr_un, sun_path) + strlen(path) + 1;
}

static int send_fd(int sock, int fd, const char *data) {
    char cbuf[CMSG_SPACE(sizeof(int))];
    struct iovec iov = {(void *) data, strlen(data)};
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = sizeof cbuf;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    c->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(c), &fd, sizeof fd);
    return sendmsg(sock, &m, 0);
}

static int recv_fd(int sock, char *buf, size_t len, size_t clen, int flags) {
    char cbuf[64];
    struct iovec iov = {buf, len};
    struct msghdr m = {0};
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = clen;
    long n = recvmsg(sock, &m, flags);
    show("  recvmsg", n);
    if (n < 0) return -1;
    buf[n] = 0;
    printf("  data \"%s\" controllen %zu flags %#x\n", buf, (size_t) m.msg_controllen, m.msg_flags);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    if (!c) return -1;
    int fd;
    memcpy(&fd, CMSG_DATA(c), sizeof fd);
    printf("  cmsg level %d type %d len %zu cloexec %d\n", c->cmsg_level, c->cmsg_type, (size_t) c->cmsg_len, fcntl(fd, F_GETFD));
    return fd;
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    char buf[256];
    int sv[2];

    puts("-- errors");
    show("socket(AF_MAX)", socket(46, SOCK_STREAM, 0));
    show("socket(-1)", socket(-1, SOCK_STREAM, 0));
    show("type 11", socket(AF_UNIX, 11, 0));
    show("type SOCK_RDM", socket(AF_UNIX, SOCK_RDM, 0));
    show("protocol 5", socket(AF_UNIX, SOCK_STREAM, 5));
    show("socketpair AF_INET stream", socketpair(AF_INET, SOCK_STREAM, 0, sv));
    show("socketpair AF_INET stream UDP", socketpair(AF_INET, SOCK_STREAM, 17, sv));
    show("socketpair AF_INET dgram", socketpair(AF_INET, SOCK_DGRAM, 0, sv));
    show("socketpair AF_INET seqpacket", socketpair(AF_INET, SOCK_SEQPACKET, 0, sv));
    show("socketpair bad pointer", socketpair(AF_UNIX, SOCK_STREAM, 0, (int *) 16));
    int p[2];
    pipe(p);
    show("listen on a pipe", listen(p[0], 1));
    show("listen bad fd", listen(99, 1));
    show("getsockopt on a pipe", getsockopt(p[0], SOL_SOCKET, SO_TYPE, buf, &(socklen_t){4}));

    puts("-- stream pair");
    show("socketpair", socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv));
    show("FD_CLOEXEC", fcntl(sv[0], F_GETFD));
    struct stat st;
    fstat(sv[0], &st);
    printf("S_ISSOCK %d\n", S_ISSOCK(st.st_mode));
    show("write a->b", write(sv[0], "ping", 4));
    show("write b->a", write(sv[1], "pong!", 5));
    show("read b", read(sv[1], buf, sizeof buf));
    show("read a", read(sv[0], buf, sizeof buf));
    struct pollfd pf = {sv[0], POLLIN | POLLOUT, 0};
    poll(&pf, 1, 0);
    printf("poll idle %#x\n", pf.revents);
    show("recv nonblocking empty", recv(sv[0], buf, 10, MSG_DONTWAIT));
    show("send with address", sendto(sv[0], "x", 1, 0, (struct sockaddr *) &(struct sockaddr_un){AF_UNIX, "x"}, 4));
    show("shutdown bad how", shutdown(sv[0], 7));
    show("shutdown a SHUT_WR", shutdown(sv[0], SHUT_WR));
    show("read b at eof", read(sv[1], buf, sizeof buf));
    pf.fd = sv[1];
    poll(&pf, 1, 0);
    printf("poll b after peer SHUT_WR %#x\n", pf.revents);
    show("write a after SHUT_WR", write(sv[0], "z", 1));
    show("write b still", write(sv[1], "ok", 2));
    show("read a", read(sv[0], buf, sizeof buf));
    close(sv[1]);
    pf.fd = sv[0];
    poll(&pf, 1, 0);
    printf("poll a after peer close %#x\n", pf.revents);
    show("read a after peer close", read(sv[0], buf, sizeof buf));
    close(sv[0]);

    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
    show("send to closed peer", send(sv[0], "a", 1, 0));
    close(sv[0]);

    puts("-- credentials and options");
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    struct ucred uc;
    socklen_t ul = sizeof uc;
    show("SO_PEERCRED", getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &uc, &ul));
    printf("pid is mine %d uid %d gid %d len %u\n", uc.pid == getpid(), uc.uid == getuid(), uc.gid == getgid(), ul);
    int v;
    socklen_t vl = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &vl);
    printf("SO_TYPE %d len %u\n", v, vl);
    vl = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_DOMAIN, &v, &vl);
    printf("SO_DOMAIN %d\n", v);
    v = 10000;
    show("set SO_SNDBUF", setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, sizeof v));
    vl = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, &vl);
    printf("SO_SNDBUF %d\n", v);
    v = 1;
    show("set SO_REUSEADDR", setsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, sizeof v));
    vl = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_REUSEADDR, &v, &vl);
    printf("SO_REUSEADDR %d\n", v);
    show("unknown option", getsockopt(sv[0], SOL_SOCKET, 9999, &v, &vl));
    show("set short", setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &v, 2));
    vl = sizeof v;
    getsockopt(sv[0], SOL_SOCKET, SO_ACCEPTCONN, &v, &vl);
    printf("SO_ACCEPTCONN %d\n", v);
    vl = 2;
    show("SO_TYPE in 2 bytes", getsockopt(sv[0], SOL_SOCKET, SO_TYPE, &v, &vl));
    printf("len %u\n", vl);

    puts("-- SCM_RIGHTS");
    int q[2];
    pipe(q);
    show("sendmsg with a pipe's read end", send_fd(sv[0], q[0], "fd!"));
    close(q[0]);
    int got = recv_fd(sv[1], buf, sizeof buf, 64, MSG_CMSG_CLOEXEC);
    write(q[1], "through", 7);
    memset(buf, 0, sizeof buf);
    show("read the passed fd", read(got, buf, sizeof buf));
    printf("  \"%s\"\n", buf);
    pipe(q);
    send_fd(sv[0], q[0], "tiny");
    recv_fd(sv[1], buf, sizeof buf, 8, 0);
    show("bad fd in SCM_RIGHTS", send_fd(sv[0], 98, "bad"));
    close(sv[0]);
    close(sv[1]);

    puts("-- datagram and seqpacket pairs");
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    send(sv[0], "one", 3, 0);
    send(sv[0], "two-long", 8, 0);
    send(sv[0], "", 0, 0);
    show("recv 2 of one", recv(sv[1], buf, 2, 0));
    show("recv MSG_TRUNC of two-long", recv(sv[1], buf, 3, MSG_TRUNC));
    show("recv empty datagram", recv(sv[1], buf, sizeof buf, 0));
    show("recv nothing", recv(sv[1], buf, sizeof buf, MSG_DONTWAIT));
    send(sv[0], "peek", 4, 0);
    show("peek", recv(sv[1], buf, sizeof buf, MSG_PEEK));
    show("then read", recv(sv[1], buf, sizeof buf, 0));
    close(sv[0]);
    close(sv[1]);
    socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv);
    send(sv[0], "rec1", 4, 0);
    send(sv[0], "record2", 7, 0);
    show("seqpacket 1", read(sv[1], buf, sizeof buf));
    show("seqpacket 2", read(sv[1], buf, sizeof buf));
    close(sv[0]);
    show("seqpacket eof", read(sv[1], buf, sizeof buf));
    close(sv[1]);

    puts("-- named stream sockets");
    char path[64], path2[64];
    snprintf(path, sizeof path, "/tmp/ipc_sock_%d", getpid());
    snprintf(path2, sizeof path2, "/tmp/ipc_sock2_%d", getpid());
    struct sockaddr_un a, b;
    socklen_t alen = unaddr(&a, path);
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    show("listen unbound", listen(srv, 5));
    show("bind", bind(srv, (struct sockaddr *) &a, alen));
    show("bind again", bind(srv, (struct sockaddr *) &a, alen));
    int other = socket(AF_UNIX, SOCK_STREAM, 0);
    show("bind taken name", bind(other, (struct sockaddr *) &a, alen));
    show("bind short length", bind(other, (struct sockaddr *) &a, 1));
    show("bind wrong family", bind(other, (struct sockaddr *) &(struct sockaddr_un){AF_INET, "q"}, 4));
    stat(path, &st);
    printf("socket file: S_ISSOCK %d\n", S_ISSOCK(st.st_mode));
    show("open the socket file", open(path, O_RDONLY));
    show("connect before listen", connect(other, (struct sockaddr *) &a, alen));
    show("listen", listen(srv, 5));
    struct sockaddr_un nowhere;
    show("connect nowhere", connect(other, (struct sockaddr *) &nowhere, unaddr(&nowhere, "/tmp/no/such")));
    int dg = socket(AF_UNIX, SOCK_DGRAM, 0);
    show("dgram connect to stream", connect(dg, (struct sockaddr *) &a, alen));
    close(dg);
    int cli = socket(AF_UNIX, SOCK_STREAM, 0);
    socklen_t blen = unaddr(&b, path2);
    bind(cli, (struct sockaddr *) &b, blen);
    pid_t child = fork();
    if (child == 0) {
        usleep(10000);
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *) &a, alen) < 0) _exit(1);
        write(c, "from child", 10);
        close(c);
        _exit(0);
    }
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int conn = accept4(srv, (struct sockaddr *) &peer, &plen, SOCK_CLOEXEC);
    show("accept4 (child connects)", conn >= 0);
    printf("peer address length %u\n", plen);
    show("FD_CLOEXEC", fcntl(conn, F_GETFD));
    memset(buf, 0, sizeof buf);
    show("read from child", read(conn, buf, sizeof buf));
    printf("\"%s\"\n", buf);
    show("then eof", read(conn, buf, sizeof buf));
    int status;
    waitpid(child, &status, 0);
    printf("child status %d\n", status);
    close(conn);
    show("connect", connect(cli, (struct sockaddr *) &a, alen));
    show("connect again", connect(cli, (struct sockaddr *) &a, alen));
    plen = sizeof peer;
    conn = accept(srv, (struct sockaddr *) &peer, &plen);
    printf("accepted peer \"%s\" len %d\n", strcmp(peer.sun_path, path2) == 0 ? "path2" : peer.sun_path, plen == blen);
    plen = sizeof peer;
    show("getsockname", getsockname(conn, (struct sockaddr *) &peer, &plen));
    printf("  is path %d len ok %d\n", strcmp(peer.sun_path, path) == 0, plen == alen);
    plen = sizeof peer;
    show("getpeername", getpeername(cli, (struct sockaddr *) &peer, &plen));
    printf("  is path %d\n", strcmp(peer.sun_path, path) == 0);
    plen = sizeof peer;
    show("getpeername of listener", getpeername(srv, (struct sockaddr *) &peer, &plen));
    plen = 4;
    show("getsockname short", getsockname(srv, (struct sockaddr *) &peer, &plen));
    printf("  full length reported %d\n", plen == alen);
    show("accept4 bad flags", accept4(srv, NULL, NULL, 1));
    fcntl(srv, F_SETFL, O_NONBLOCK);
    show("accept on O_NONBLOCK", accept(srv, NULL, NULL));
    show("accept on unlistened", accept(other, NULL, NULL));
    close(conn);
    close(cli);
    close(srv);
    show("connect after listener closed", connect(other, (struct sockaddr *) &a, alen));
    unlink(path);
    unlink(path2);

    puts("-- abstract and datagram names");
    struct sockaddr_un ab = {AF_UNIX, ""};
    memcpy(ab.sun_path, "\0vitrine-ipc", 12);
    socklen_t ablen = offsetof(struct sockaddr_un, sun_path) + 12;
    int d1 = socket(AF_UNIX, SOCK_DGRAM, 0), d2 = socket(AF_UNIX, SOCK_DGRAM, 0);
    show("bind abstract", bind(d1, (struct sockaddr *) &ab, ablen));
    show("bind abstract again", bind(d2, (struct sockaddr *) &ab, ablen));
    show("autobind", bind(d2, (struct sockaddr *) &ab, offsetof(struct sockaddr_un, sun_path)));
    plen = sizeof peer;
    getsockname(d2, (struct sockaddr *) &peer, &plen);
    printf("autobound len %u first byte %d\n", plen, peer.sun_path[0]);
    show("sendto abstract", sendto(d2, "hi there", 8, 0, (struct sockaddr *) &ab, ablen));
    plen = sizeof peer;
    memset(buf, 0, sizeof buf);
    show("recvfrom", recvfrom(d1, buf, sizeof buf, 0, (struct sockaddr *) &peer, &plen));
    printf("  \"%s\" from len %u\n", buf, plen);
    show("send unconnected", send(d1, "x", 1, 0));
    show("sendto nowhere", sendto(d1, "x", 1, 0, (struct sockaddr *) &nowhere, unaddr(&nowhere, "/tmp/no/such")));
    close(d1);
    close(d2);

    puts("-- blocking transfers");
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    child = fork();
    if (child == 0) {
        static char big[200000];
        memset(big, 'b', sizeof big);
        long n = write(sv[1], big, sizeof big);
        _exit(n == sizeof big ? 0 : 1);
    }
    long total = 0, n;
    close(sv[1]);
    while ((n = read(sv[0], buf, sizeof buf)) > 0) total += n;
    waitpid(child, &status, 0);
    printf("streamed %ld bytes, writer status %d\n", total, status);
    close(sv[0]);
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    child = fork();
    if (child == 0) {
        usleep(20000);
        send(sv[1], "late", 4, 0);
        _exit(0);
    }
    show("blocking datagram recv", recv(sv[0], buf, sizeof buf, 0));
    waitpid(child, &status, 0);
    return 0;
}
