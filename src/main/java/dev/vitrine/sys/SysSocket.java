package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.UnixSocket;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;

/**
 * The socket calls for AF_UNIX (net/socket.c over net/unix/af_unix.c): socket, socketpair,
 * bind (path names, abstract names, autobind), listen, accept4, connect, getsockname,
 * getpeername and shutdown. Other families are EAFNOSUPPORT: the machine has no network.
 * Data moves in {@link SysSocketIo}; options in {@link SysSocketOpt}.
 */
final class SysSocket {
    private SysSocket() {}

    static final int AF_UNIX = 1, AF_INET = 2, AF_INET6 = 10, AF_MAX = 46;
    static final int SOCK_NONBLOCK = O_NONBLOCK, SOCK_CLOEXEC = O_CLOEXEC, SOCK_TYPE_MASK = 0xf, SOCK_MAX = 10, SOCK_RAW = 3;
    /** offsetof(struct sockaddr_un, sun_path) and sizeof(struct sockaddr_un). */
    static final int SUN_PATH = 2, SOCKADDR_UN = 110, SOCKADDR_STORAGE = 128;

    static void register(SyscallTable t, Services s) {
        t.add(198, "socket", (k, task, d, ty, p, a3, a4, a5) -> socket(s, task, (int) d, (int) ty, (int) p), SOCK_DOMAIN, SOCK_TYPE, INT);
        t.add(199, "socketpair", (k, task, d, ty, p, sv, a4, a5) -> socketpair(s, task, (int) d, (int) ty, (int) p, sv), SOCK_DOMAIN, SOCK_TYPE, INT, FD_PAIR);
        t.add(200, "bind", (k, task, fd, addr, len, a3, a4, a5) -> bind(s, task, (int) fd, addr, (int) len), FD, PTR, INT);
        t.add(201, "listen", (k, task, fd, n, a2, a3, a4, a5) -> listen(task, (int) fd, (int) n), FD, INT);
        t.add(202, "accept", Syscall.Result.DEC, Syscall.Status.IMPLEMENTED, RestartPolicy.RESTARTSYS,
                (k, task, fd, addr, len, a3, a4, a5) -> accept4(k, task, (int) fd, addr, len, 0), FD, PTR, PTR);
        t.add(242, "accept4", Syscall.Result.DEC, Syscall.Status.IMPLEMENTED, RestartPolicy.RESTARTSYS,
                (k, task, fd, addr, len, fl, a4, a5) -> accept4(k, task, (int) fd, addr, len, (int) fl), FD, PTR, PTR, FLAGS);
        t.add(203, "connect", Syscall.Result.DEC, Syscall.Status.IMPLEMENTED, RestartPolicy.RESTARTSYS,
                (k, task, fd, addr, len, a3, a4, a5) -> connect(k, s, task, (int) fd, addr, (int) len), FD, PTR, INT);
        t.add(204, "getsockname", (k, task, fd, addr, len, a3, a4, a5) -> name(task, (int) fd, addr, len, false), FD, PTR, PTR);
        t.add(205, "getpeername", (k, task, fd, addr, len, a3, a4, a5) -> name(task, (int) fd, addr, len, true), FD, PTR, PTR);
        t.add(210, "shutdown", (k, task, fd, how, a2, a3, a4, a5) -> shutdown(task, (int) fd, (int) how), FD, INT);
        SysSocketIo.register(t, s);
        SysSocketOpt.register(t, s);
    }

    /** The socket behind fd: EBADF, or ENOTSOCK for another kind of file. */
    static UnixSocket sock(Task t, int fd) {
        FileDescription f = t.fds().get(fd);
        if (f == null || f.file() instanceof dev.vitrine.fs.PathFile) throw new FsException(Errno.EBADF);   // fdget skips O_PATH
        if (!(f.file() instanceof UnixSocket s)) throw new FsException(Errno.ENOTSOCK);
        return s;
    }

    /** SO_PEERCRED: the pid and effective ids when the socket connected or listened. */
    static UnixSocket.Cred cred(Task t) { return new UnixSocket.Cred(t.pid(), t.cred().euid(), t.cred().egid()); }

    /** __sys_socket's checks, then the family's: the type's flags, the family, the type, the protocol. */
    private static int type(int domain, int type, int protocol) {
        int flags = type & ~SOCK_TYPE_MASK;
        if ((flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) != 0) throw new FsException(Errno.EINVAL);
        if (domain < 0 || domain >= AF_MAX) throw new FsException(Errno.EAFNOSUPPORT);
        int base = type & SOCK_TYPE_MASK;
        if (base >= SOCK_MAX) throw new FsException(Errno.EINVAL);
        if (domain != AF_UNIX) throw new FsException(Errno.EAFNOSUPPORT);
        if (protocol != 0 && protocol != AF_UNIX) throw new FsException(Errno.EPROTONOSUPPORT);
        return switch (base) {
            case UnixSocket.SOCK_STREAM, UnixSocket.SOCK_DGRAM, UnixSocket.SOCK_SEQPACKET -> base;
            case SOCK_RAW -> UnixSocket.SOCK_DGRAM;   // unix_create: SOCK_RAW is a datagram socket
            default -> throw new FsException(Errno.ESOCKTNOSUPPORT);
        };
    }

    static long install(Task t, UnixSocket s, int flags) {
        FileDescription f = new FileDescription(s, O_RDWR | (flags & SOCK_NONBLOCK)).withPath("socket:[" + s.stat().ino() + "]");
        int fd = t.fds().allocate(f, 0, (flags & SOCK_CLOEXEC) != 0);
        if (fd < 0) f.release();
        return fd;
    }

    static long socket(Services s, Task t, int domain, int type, int protocol) {
        if (domain == AF_INET || domain == AF_INET6) {
            long r = inetSocketpair(domain, type, protocol);
            return r == -Errno.EOPNOTSUPP ? -Errno.EAFNOSUPPORT : r;   // a valid inet socket: the machine has no network
        }
        int base = type(domain, type, protocol);
        return install(t, new UnixSocket(s.vfs(), base, cred(t)), type);
    }

    static long socketpair(Services s, Task t, int domain, int type, int protocol, long sv) {
        if (domain == AF_INET || domain == AF_INET6) return inetSocketpair(domain, type, protocol);
        int base = type(domain, type, protocol);
        UnixSocket[] p = UnixSocket.pair(s.vfs(), base, cred(t));
        long a = install(t, p[0], type);
        if (a < 0) { p[1].close(); return a; }
        long b = install(t, p[1], type);
        if (b < 0) { t.fds().close((int) a); return b; }
        if (!t.memory().write(sv, Abi.buffer(8).putInt((int) a).putInt((int) b).array())) {
            t.fds().close((int) a);
            t.fds().close((int) b);
            return -Errno.EFAULT;
        }
        return 0;
    }

    /**
     * socketpair on AF_INET/AF_INET6: inet_create's checks of the type and protocol, then
     * EOPNOTSUPP, as Linux answers (the pair is never made, so no network is needed for it).
     */
    private static long inetSocketpair(int domain, int type, int protocol) {
        type(AF_UNIX, type, 0);   // the flags' EINVAL comes first
        int icmp = domain == AF_INET ? 1 : 58;
        return switch (type & SOCK_TYPE_MASK) {
            case UnixSocket.SOCK_STREAM -> protocol == 0 || protocol == 6 || protocol == 262 ? -Errno.EOPNOTSUPP : -Errno.EPROTONOSUPPORT;
            case UnixSocket.SOCK_DGRAM -> protocol == 0 || protocol == 17 || protocol == 136 || protocol == icmp
                    ? -Errno.EOPNOTSUPP : -Errno.EPROTONOSUPPORT;
            case SOCK_RAW -> protocol == 0 ? -Errno.EPROTONOSUPPORT : -Errno.EPERM;   // no wildcard; then CAP_NET_RAW
            default -> -Errno.ESOCKTNOSUPPORT;
        };
    }

    /** move_addr_to_kernel and unix_validate_addr: the sockaddr_un's bytes as given. */
    static byte[] address(Task t, long va, int len) {
        if (len < 0 || len > SOCKADDR_STORAGE) throw new FsException(Errno.EINVAL);
        byte[] a = new byte[len];
        if (len > 0 && !t.memory().read(va, a, 0, len)) throw new FsException(Errno.EFAULT);
        if (len < SUN_PATH || len > SOCKADDR_UN || (a[0] & 0xff | (a[1] & 0xff) << 8) != AF_UNIX) throw new FsException(Errno.EINVAL);
        return a;
    }

    /** A path name as Linux keeps it: up to its first NUL, the length family + name + NUL. */
    static byte[] pathAddress(byte[] a) {
        int n = SUN_PATH;
        while (n < a.length && a[n] != 0) n++;
        byte[] out = new byte[n + 1];
        System.arraycopy(a, 0, out, 0, n);
        return out;
    }

    static String pathOf(byte[] a) {
        return new String(a, SUN_PATH, a.length - SUN_PATH - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    static long bind(Services s, Task t, int fd, long va, int len) {
        byte[] a = address(t, va, len);
        UnixSocket sock = sock(t, fd);
        if (len == SUN_PATH) {
            autobind(s, sock);
            return 0;
        }
        if (a[SUN_PATH] == 0) {
            sock.bindAbstract(a);
            return 0;
        }
        byte[] p = pathAddress(a);
        String path = pathOf(p);
        Namei.Found f = SysPathUtil.walk(t, s.vfs(), AT_FDCWD, path, false);
        if (f.inode() != null) return -Errno.EADDRINUSE;
        if (f.parent() == null) return -Errno.ENOENT;
        SysPathUtil.canModify(t, f.parent());
        sock.bindPath(p, f.parent(), f.name(), 0777 & ~t.fds().umask());
        SysPathUtil.owned(t, f.parent(), f.parent().lookup(f.name()));
        return 0;
    }

    /** unix_autobind: an abstract name of five hex digits, the first free one. */
    static void autobind(Services s, UnixSocket sock) {
        if (sock.address() != null) return;
        for (int i = 0; i < 0xfffff; i++) {
            byte[] a = new byte[SUN_PATH + 6];
            a[0] = AF_UNIX;
            byte[] name = String.format("%05x", s.nextAutobind()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            System.arraycopy(name, 0, a, SUN_PATH + 1, 5);
            if (UnixSocket.lookupAbstract(s.vfs(), a) == null) {
                sock.bindAbstract(a);
                return;
            }
        }
        throw new FsException(Errno.ENOSPC);
    }

    /** The socket an address names: abstract, or a path's socket inode (search permission, write on the socket). */
    static UnixSocket lookup(Services s, Task t, byte[] a) {
        if (a.length == SUN_PATH) throw new FsException(Errno.EINVAL);
        if (a[SUN_PATH] == 0) {
            UnixSocket u = UnixSocket.lookupAbstract(s.vfs(), a);
            if (u == null) throw new FsException(Errno.ECONNREFUSED);
            return u;
        }
        Inode i = SysPathUtil.walk(t, s.vfs(), AT_FDCWD, pathOf(pathAddress(a)), true).need();
        if (i instanceof dev.vitrine.fs.SocketNode) SysPathUtil.need(t, i, 2);
        return UnixSocket.lookupNode(i);
    }

    static long listen(Task t, int fd, int backlog) { return sock(t, fd).listen(backlog); }

    static long connect(Kernel k, Services s, Task t, int fd, long va, int len) {
        byte[] a = address(t, va, len);
        UnixSocket sock = sock(t, fd);
        if (sock.type() == UnixSocket.SOCK_DGRAM) {
            if (a.length == SUN_PATH) return sock.setPeer(null);   // AF_UNSPEC-like: disconnect
            if (sock.passcred()) autobind(s, sock);
            return sock.setPeer(lookup(s, t, a));
        }
        if (sock.state() == UnixSocket.State.CONNECTED) return -Errno.EISCONN;
        UnixSocket server = lookup(s, t, a);
        if (sock.passcred()) autobind(s, sock);
        long r = sock.connectTo(server, cred(t));
        if (r == -Errno.EAGAIN && (t.fds().get(fd).flags() & O_NONBLOCK) == 0) {
            k.sleep(t, server.peerWait(), "connect(" + fd + ") to a listening socket whose backlog is full");
            return Syscall.RESTART;
        }
        return r;
    }

    static long accept4(Kernel k, Task t, int fd, long addrVa, long lenVa, int flags) {
        if ((flags & ~(SOCK_CLOEXEC | SOCK_NONBLOCK)) != 0) return -Errno.EINVAL;
        UnixSocket sock = sock(t, fd);
        if (sock.type() == UnixSocket.SOCK_DGRAM) return -Errno.EOPNOTSUPP;
        UnixSocket conn;
        try {
            conn = sock.accept();
        } catch (FsException e) {
            if (e.errno() == Errno.EAGAIN && (t.fds().get(fd).flags() & O_NONBLOCK) == 0) {
                k.sleep(t, sock.channel(), "accept(" + fd + ") on a listening socket no one connects to");
                return Syscall.RESTART;
            }
            throw e;
        }
        long nfd = install(t, conn, flags);
        if (nfd < 0) { conn.close(); return nfd; }
        if (addrVa != 0) {
            long w = putAddress(t, conn.peer() != null ? conn.peer().address() : null, addrVa, lenVa);
            if (w < 0) { t.fds().close((int) nfd); return w; }
        }
        return nfd;
    }

    /** move_addr_to_user: as much of the address as the caller's length holds, and the full length. */
    static long putAddress(Task t, byte[] a, long va, long lenVa) {
        if (a == null) a = new byte[] {AF_UNIX, 0};
        byte[] lb = new byte[4];
        if (!t.memory().read(lenVa, lb, 0, 4)) return -Errno.EFAULT;
        int len = java.nio.ByteBuffer.wrap(lb).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        if (len < 0) return -Errno.EINVAL;
        int n = Math.min(len, a.length);
        if (n > 0 && !t.memory().write(va, a, 0, n)) return -Errno.EFAULT;
        return t.memory().writeInt(lenVa, a.length) ? 0 : -Errno.EFAULT;
    }

    static long name(Task t, int fd, long va, long lenVa, boolean peer) {
        UnixSocket sock = sock(t, fd);
        if (!peer) return putAddress(t, sock.address(), va, lenVa);
        UnixSocket p = sock.peer();
        if (p == null || sock.state() != UnixSocket.State.CONNECTED) return -Errno.ENOTCONN;
        return putAddress(t, p.address(), va, lenVa);
    }

    static long shutdown(Task t, int fd, int how) {
        UnixSocket sock = sock(t, fd);
        if (how < 0 || how > UnixSocket.SHUT_RDWR) return -Errno.EINVAL;
        return sock.shutdown(how);
    }
}
