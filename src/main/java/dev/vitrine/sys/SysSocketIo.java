package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.UnixSocket;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Signals;
import dev.vitrine.proc.Task;

import java.util.ArrayList;
import java.util.List;

import static dev.vitrine.abi.Fcntl.O_NONBLOCK;
import static dev.vitrine.sys.Arg.*;

/**
 * sendto, recvfrom, sendmsg and recvmsg on AF_UNIX sockets, with SCM_RIGHTS descriptor
 * passing (at most SCM_MAX_FD 253 a message). A blocking stream send that filled the peer's
 * buffer part-way sleeps and goes on from where it stopped (a {@link Continuation.Progress});
 * EPIPE raises SIGPIPE unless MSG_NOSIGNAL. struct msghdr is 56 bytes: name, namelen, iov,
 * iovlen, control, controllen, flags.
 */
final class SysSocketIo {
    private SysSocketIo() {}

    static final int MSG_OOB = 1, MSG_PEEK = 2, MSG_CTRUNC = 8, MSG_TRUNC = 0x20, MSG_DONTWAIT = 0x40, MSG_WAITALL = 0x100,
            MSG_NOSIGNAL = 0x4000, MSG_CMSG_CLOEXEC = 0x40000000;
    static final int SOL_SOCKET = 1, SCM_RIGHTS = 1, SCM_CREDENTIALS = 2, SCM_MAX_FD = 253, CMSG_HDR = 16;
    private static final int CHUNK = 64 << 10;

    static void register(SyscallTable t, Services s) {
        t.add(206, "sendto", (k, task, fd, buf, n, fl, addr, alen) -> sendto(k, s, task, (int) fd, buf, n, (int) fl, addr, (int) alen),
                FD, BUF_IN, SIZE, FLAGS, PTR, INT);
        t.add(207, "recvfrom", (k, task, fd, buf, n, fl, addr, alen) -> recvfrom(k, task, (int) fd, buf, n, (int) fl, addr, alen),
                FD, PTR, SIZE, FLAGS, PTR, PTR);
        t.add(211, "sendmsg", (k, task, fd, msg, fl, a3, a4, a5) -> sendmsg(k, s, task, (int) fd, msg, (int) fl), FD, PTR, FLAGS);
        t.add(212, "recvmsg", (k, task, fd, msg, fl, a3, a4, a5) -> recvmsg(k, task, (int) fd, msg, (int) fl), FD, PTR, FLAGS);
    }

    private static boolean blocks(Task t, int fd, int flags) {
        return (flags & MSG_DONTWAIT) == 0 && (t.fds().get(fd).flags() & O_NONBLOCK) == 0;
    }

    static long sendto(Kernel k, Services s, Task t, int fd, long buf, long n, int flags, long addr, int alen) {
        UnixSocket sock = SysSocket.sock(t, fd);
        SocketIov iov = SocketIov.one(t, buf, n);
        byte[] to = addr != 0 ? SysSocket.address(t, addr, alen) : null;
        return send(k, s, t, fd, sock, iov, flags, to, List.of(), buf);
    }

    static long sendmsg(Kernel k, Services s, Task t, int fd, long msg, int flags) {
        long[] m = msghdr(t, msg);
        UnixSocket sock = SysSocket.sock(t, fd);
        byte[] to = m[0] != 0 && (int) m[1] != 0 ? SysSocket.address(t, m[0], (int) m[1]) : null;
        SocketIov iov = SocketIov.read(t, m[2], m[3]);
        List<FileDescription> files = rights(t, m[4], m[5]);
        return send(k, s, t, fd, sock, iov, flags, to, files, msg);
    }

    /** The msghdr's seven fields as longs (namelen and flags are ints). */
    private static long[] msghdr(Task t, long va) {
        long[] m = new long[7];
        for (int i = 0; i < 7; i++) {
            Long w = t.memory().readLong(va + 8L * i);
            if (w == null) throw new FsException(Errno.EFAULT);
            m[i] = w;
        }
        m[1] &= 0xffff_ffffL;
        if (m[5] > Integer.MAX_VALUE) throw new FsException(Errno.ENOBUFS);
        return m;
    }

    /** __scm_send: the descriptors of SCM_RIGHTS messages, each retained; EINVAL for a malformed header. */
    private static List<FileDescription> rights(Task t, long control, long len) {
        List<FileDescription> files = new ArrayList<>();
        long at = 0;
        try {
            while (len - at >= CMSG_HDR) {
                Long clen = t.memory().readLong(control + at), lt = t.memory().readLong(control + at + 8);
                if (clen == null || lt == null) throw new FsException(Errno.EFAULT);
                if (clen < CMSG_HDR || clen > len - at) throw new FsException(Errno.EINVAL);
                int level = (int) (long) lt, type = (int) (lt >>> 32);
                if (level == SOL_SOCKET) {
                    if (type == SCM_RIGHTS) {
                        int n = (int) ((clen - CMSG_HDR) / 4);
                        if (n <= 0 || files.size() + n > SCM_MAX_FD) throw new FsException(Errno.EINVAL);
                        byte[] b = new byte[n * 4];
                        if (!t.memory().read(control + at + CMSG_HDR, b, 0, b.length)) throw new FsException(Errno.EFAULT);
                        var bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                        for (int i = 0; i < n; i++) {
                            FileDescription f = t.fds().get(bb.getInt());
                            if (f == null) throw new FsException(Errno.EBADF);
                            files.add(f.retain());
                        }
                    } else if (type != SCM_CREDENTIALS) throw new FsException(Errno.EINVAL);
                }
                at += (clen + 7) & ~7L;
            }
        } catch (FsException e) {
            files.forEach(FileDescription::release);
            throw e;
        }
        return files;
    }

    private static long send(Kernel k, Services s, Task t, int fd, UnixSocket sock, SocketIov iov, int flags, byte[] to,
                             List<FileDescription> files, long key) {
        if ((flags & MSG_OOB) != 0) { files.forEach(FileDescription::release); return -Errno.EOPNOTSUPP; }
        long r;
        if (sock.type() == UnixSocket.SOCK_STREAM) r = sendStream(k, t, fd, sock, iov, flags, to, files, key);
        else r = sendMessage(k, s, t, fd, sock, iov, flags, to, files);
        if (r == -Errno.EPIPE && (flags & MSG_NOSIGNAL) == 0) k.signal(t, Signals.SIGPIPE);
        return r;
    }

    private static long sendStream(Kernel k, Task t, int fd, UnixSocket sock, SocketIov iov, int flags, byte[] to,
                                   List<FileDescription> files, long key) {
        if (to != null) {
            files.forEach(FileDescription::release);
            return sock.state() == UnixSocket.State.CONNECTED ? -Errno.EISCONN : -Errno.EOPNOTSUPP;
        }
        if (sock.state() != UnixSocket.State.CONNECTED) { files.forEach(FileDescription::release); return -Errno.ENOTCONN; }
        long n = iov.total;
        long done = t.continuation() instanceof Continuation.Progress c && c.same(fd, key, n) ? c.done() : 0;
        if (done > 0) { files.forEach(FileDescription::release); files = null; }
        byte[] b = new byte[(int) Math.min(Math.max(n - done, 1), CHUNK)];
        while (done < n || n == 0) {
            int len = (int) Math.min(n - done, CHUNK);
            if (!iov.gather(done, b, 0, len)) return done > 0 ? done : -Errno.EFAULT;
            long r = sock.send((at, dst, off, c) -> { System.arraycopy(b, (int) at, dst, off, c); return true; }, len, done > 0,
                    done == 0 && files != null && !files.isEmpty() ? files : null);
            files = null;
            if (r == -Errno.EAGAIN && blocks(t, fd, flags)) {
                if (done > 0) t.setContinuation(new Continuation.Progress(fd, key, n, done));
                k.sleep(t, sock.channel(), "sendmsg(" + fd + ") to a full socket whose reader is blocked");
                return Syscall.RESTART;
            }
            if (r < 0) return done > 0 ? done : r;
            done += r;
            if (n == 0) break;
        }
        return done;
    }

    private static long sendMessage(Kernel k, Services s, Task t, int fd, UnixSocket sock, SocketIov iov, int flags, byte[] to,
                                    List<FileDescription> files) {
        UnixSocket dest;
        try {
            if (to != null && sock.type() == UnixSocket.SOCK_DGRAM) dest = SysSocket.lookup(s, t, to);
            else if (to != null && sock.state() == UnixSocket.State.CONNECTED) throw new FsException(Errno.EISCONN);
            else if (sock.peer() == null || sock.state() != UnixSocket.State.CONNECTED) throw new FsException(Errno.ENOTCONN);
            else dest = sock.peer();
            if (iov.total > sock.sndbuf() - 32) throw new FsException(Errno.EMSGSIZE);
            if (sock.passcred()) SysSocket.autobind(s, sock);
        } catch (FsException e) {
            files.forEach(FileDescription::release);
            throw e;
        }
        byte[] b = new byte[(int) iov.total];
        if (!iov.gather(0, b, 0, b.length)) { files.forEach(FileDescription::release); return -Errno.EFAULT; }
        long r = sock.sendMessage(dest, b, 0, b.length, files, null);
        if (r < 0) files.forEach(FileDescription::release);
        if (r == -Errno.EAGAIN && blocks(t, fd, flags)) {
            k.sleep(t, sock.channel(), "sendmsg(" + fd + ") to a socket whose queue is full");
            return Syscall.RESTART;
        }
        return r;
    }

    static long recvfrom(Kernel k, Task t, int fd, long buf, long n, int flags, long addr, long alenVa) {
        UnixSocket sock = SysSocket.sock(t, fd);
        SocketIov iov = SocketIov.one(t, buf, n);
        long[] out = new long[3];
        byte[][] from = new byte[1][];
        long r = receive(k, t, fd, sock, iov, flags, 0, 0, out, from);
        if (r < 0) return r;
        if (addr != 0 && alenVa != 0) {
            long w = from[0] == null ? (t.memory().writeInt(alenVa, 0) ? 0 : -Errno.EFAULT) : SysSocket.putAddress(t, from[0], addr, alenVa);
            if (w < 0) return w;
        }
        return r;
    }

    static long recvmsg(Kernel k, Task t, int fd, long msg, int flags) {
        long[] m = msghdr(t, msg);
        UnixSocket sock = SysSocket.sock(t, fd);
        SocketIov iov = SocketIov.read(t, m[2], m[3]);
        long[] out = new long[3];   // msg_flags, controllen used
        byte[][] from = new byte[1][];
        long r = receive(k, t, fd, sock, iov, flags, m[4], m[5], out, from);
        if (r < 0) return r;
        int namelen = 0;
        if (m[0] != 0 && from[0] != null) {
            namelen = (int) Math.min(from[0].length, m[1]);
            if (!t.memory().write(m[0], from[0], 0, namelen)) return -Errno.EFAULT;
            namelen = from[0].length;
        }
        if (!t.memory().writeInt(msg + 8, namelen) || !t.memory().writeLong(msg + 40, out[1])
                || !t.memory().writeInt(msg + 48, (int) out[0])) return -Errno.EFAULT;
        return r;
    }

    /**
     * One receive: bytes into the iovec, descriptors into the control buffer; out[0] gets
     * msg_flags, out[1] the control bytes used, from[0] the sender's address (or null).
     */
    private static long receive(Kernel k, Task t, int fd, UnixSocket sock, SocketIov iov, int flags, long control, long controlLen,
                                long[] out, byte[][] from) {
        if ((flags & MSG_OOB) != 0) return -Errno.EINVAL;
        out[0] = flags & MSG_CMSG_CLOEXEC;
        List<FileDescription> got = new ArrayList<>();
        long r;
        if (sock.type() == UnixSocket.SOCK_STREAM) {
            if ((flags & MSG_PEEK) != 0) return -Errno.EOPNOTSUPP;
            int len = (int) Math.min(iov.total, 1 << 20);
            r = sock.receive((at, src, off, n) -> iov.scatter(at, src, off, n), len, got);
            if (r == -Errno.EAGAIN && blocks(t, fd, flags)) {
                k.sleep(t, sock.channel(), "recvmsg(" + fd + ") from a socket whose peer is blocked");
                return Syscall.RESTART;
            }
            if (r < 0) return r;
            if (sock.peer() != null) from[0] = sock.peer().address();
        } else {
            UnixSocket.Received m = sock.takeMessage((flags & MSG_PEEK) != 0);
            if (m == null) {
                if (sock.endOfMessages()) return 0;
                if (sock.type() == UnixSocket.SOCK_SEQPACKET && sock.state() != UnixSocket.State.CONNECTED) return -Errno.ENOTCONN;
                if (blocks(t, fd, flags)) {
                    k.sleep(t, sock.channel(), "recvmsg(" + fd + ") on a socket no one sends to");
                    return Syscall.RESTART;
                }
                return -Errno.EAGAIN;
            }
            int n = (int) Math.min(iov.total, m.data().length);
            if (!iov.scatter(0, m.data(), 0, n)) { m.files().forEach(FileDescription::release); return -Errno.EFAULT; }
            if (n < m.data().length) out[0] |= MSG_TRUNC;
            r = (flags & MSG_TRUNC) != 0 ? m.data().length : n;
            from[0] = m.from();
            got.addAll(m.files());
        }
        if (!got.isEmpty()) out[1] = detach(t, got, control, controlLen, (flags & MSG_CMSG_CLOEXEC) != 0, out);
        return r;
    }

    /** scm_detach_fds: as many descriptors as the control buffer holds are installed, the rest closed (MSG_CTRUNC). */
    private static long detach(Task t, List<FileDescription> got, long control, long len, boolean cloexec, long[] out) {
        int room = len < CMSG_HDR ? 0 : (int) Math.min((len - CMSG_HDR) / 4, got.size());
        List<Integer> fds = new ArrayList<>();
        for (int i = 0; i < got.size(); i++) {
            if (i < room) {
                int fd = t.fds().allocate(got.get(i), 0, cloexec);
                if (fd >= 0) { fds.add(fd); continue; }
            }
            got.get(i).release();
        }
        if (fds.size() < got.size()) out[0] |= MSG_CTRUNC;
        if (fds.isEmpty()) return 0;
        var b = Abi.buffer(CMSG_HDR + 4 * fds.size());
        b.putLong(CMSG_HDR + 4L * fds.size()).putInt(SOL_SOCKET).putInt(SCM_RIGHTS);
        for (int fd : fds) b.putInt(fd);
        if (!t.memory().write(control, b.array())) return 0;
        return Math.min((CMSG_HDR + 4L * fds.size() + 7) & ~7L, len);
    }
}
