package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.UnixSocket;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * setsockopt and getsockopt at SOL_SOCKET for AF_UNIX (sock_setsockopt/sk_getsockopt):
 * SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ERROR, SO_ACCEPTCONN, SO_PEERCRED, SO_SNDBUF and
 * SO_RCVBUF (doubled, within wmem_max/rmem_max and the minimums), SO_PASSCRED; a few more
 * are kept and shown back without effect. AF_UNIX has no options of its own: another level is
 * EOPNOTSUPP; an unknown name ENOPROTOOPT.
 */
final class SysSocketOpt {
    private SysSocketOpt() {}

    static final int SOL_SOCKET = 1, SO_REUSEADDR = 2, SO_TYPE = 3, SO_ERROR = 4, SO_DONTROUTE = 5, SO_BROADCAST = 6,
            SO_SNDBUF = 7, SO_RCVBUF = 8, SO_KEEPALIVE = 9, SO_OOBINLINE = 10, SO_PRIORITY = 12, SO_LINGER = 13,
            SO_PASSCRED = 16, SO_PEERCRED = 17, SO_RCVLOWAT = 18, SO_SNDLOWAT = 19, SO_RCVTIMEO = 20, SO_SNDTIMEO = 21,
            SO_ACCEPTCONN = 30, SO_PROTOCOL = 38, SO_DOMAIN = 39;
    private static final int WMEM_MAX = 212992, SOCK_MIN_SNDBUF = 4608, SOCK_MIN_RCVBUF = 2304;

    static void register(SyscallTable t, Services s) {
        t.add(208, "setsockopt", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, fd, lvl, name, val, len, a5) -> set(task, (int) fd, (int) lvl, (int) name, val, (int) len), FD, INT, INT, PTR, INT);
        t.add(209, "getsockopt", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, fd, lvl, name, val, len, a5) -> get(task, (int) fd, (int) lvl, (int) name, val, len), FD, INT, INT, PTR, PTR);
    }

    /** The options stored as given, with their size (an int, a struct linger, a struct timeval). */
    private static int keptSize(int name) {
        return switch (name) {
            case SO_REUSEADDR, SO_DONTROUTE, SO_BROADCAST, SO_KEEPALIVE, SO_OOBINLINE, SO_PRIORITY, SO_RCVLOWAT -> 4;
            case SO_LINGER -> 8;
            case SO_RCVTIMEO, SO_SNDTIMEO -> 16;
            default -> -1;
        };
    }

    static long set(Task t, int fd, int level, int name, long val, int len) {
        UnixSocket s = SysSocket.sock(t, fd);
        if (level != SOL_SOCKET) return -Errno.EOPNOTSUPP;
        int kept = keptSize(name);
        boolean known = kept > 0 || name == SO_SNDBUF || name == SO_RCVBUF || name == SO_PASSCRED;
        if (!known) return -Errno.ENOPROTOOPT;
        int need = kept > 0 ? kept : 4;
        if (len < need && !(kept == 4 || kept < 0)) return -Errno.EINVAL;
        if (len < 4) return -Errno.EINVAL;
        byte[] b = new byte[need];
        if (!t.memory().read(val, b, 0, need)) return -Errno.EFAULT;
        int v = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        switch (name) {
            case SO_SNDBUF -> s.setSndbuf(Math.max(Math.min(v, WMEM_MAX) * 2, SOCK_MIN_SNDBUF));
            case SO_RCVBUF -> s.setRcvbuf(Math.max(Math.min(v, WMEM_MAX) * 2, SOCK_MIN_RCVBUF));
            case SO_PASSCRED -> s.setPasscred(v != 0);
            case SO_RCVTIMEO, SO_SNDTIMEO -> {
                var bb = java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                long sec = bb.getLong(0), usec = bb.getLong(8);
                if (usec < 0 || usec >= 1_000_000) return -Errno.EDOM;
                if (sec < 0) { bb.putLong(0, 0); bb.putLong(8, 0); }
                s.options.put(name, b);
            }
            default -> {
                if (kept == 4) java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(0, name == SO_PRIORITY || name == SO_RCVLOWAT ? v : v != 0 ? 1 : 0);
                s.options.put(name, b);
            }
        }
        return 0;
    }

    static long get(Task t, int fd, int level, int name, long val, long lenVa) {
        UnixSocket s = SysSocket.sock(t, fd);
        byte[] lb = new byte[4];
        if (!t.memory().read(lenVa, lb, 0, 4)) return -Errno.EFAULT;
        int len = java.nio.ByteBuffer.wrap(lb).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        if (len < 0) return -Errno.EINVAL;
        if (level != SOL_SOCKET) return -Errno.EOPNOTSUPP;
        byte[] v = switch (name) {
            case SO_TYPE -> ints(s.type());
            case SO_DOMAIN -> ints(SysSocket.AF_UNIX);
            case SO_PROTOCOL, SO_ERROR -> ints(0);
            case SO_ACCEPTCONN -> ints(s.state() == UnixSocket.State.LISTENING ? 1 : 0);
            case SO_SNDBUF -> ints(s.sndbuf());
            case SO_RCVBUF -> ints(s.rcvbuf());
            case SO_PASSCRED -> ints(s.passcred() ? 1 : 0);
            case SO_SNDLOWAT -> ints(1);
            case SO_RCVLOWAT -> s.options.getOrDefault(name, ints(1));
            case SO_PEERCRED -> {
                UnixSocket.Cred c = s.state() == UnixSocket.State.CONNECTED && s.type() != UnixSocket.SOCK_DGRAM ? s.peerCred() : null;
                yield c == null ? ints(0, -1, -1) : ints(c.pid(), c.uid(), c.gid());
            }
            default -> {
                int kept = keptSize(name);
                yield kept < 0 ? null : s.options.getOrDefault(name, new byte[kept]);
            }
        };
        if (v == null) return -Errno.ENOPROTOOPT;
        // an int option answers in as few as its caller has room for; a struct wants its whole size
        if (v.length > 4 && len < v.length && name != SO_PEERCRED) return -Errno.EINVAL;
        int n = Math.min(len, v.length);
        if (n > 0 && !t.memory().write(val, v, 0, n)) return -Errno.EFAULT;
        return t.memory().writeInt(lenVa, n) ? 0 : -Errno.EFAULT;
    }

    private static byte[] ints(int... v) {
        var b = Abi.buffer(4 * v.length);
        for (int x : v) b.putInt(x);
        return b.array();
    }
}
