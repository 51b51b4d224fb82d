package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FsException;
import dev.vitrine.proc.Task;

/**
 * A msghdr's iovec array read once (import_iovec): the (base, length) pairs and their total,
 * with Linux's checks: more than UIO_MAXIOV entries is EMSGSIZE, a length that is negative as
 * ssize_t EINVAL, the total capped at MAX_RW_COUNT. Copies go to and from user memory at a
 * position in the concatenation.
 */
final class SocketIov {
    static final int UIO_MAXIOV = 1024;

    private final Task t;
    private final long[] base, len;
    final long total;

    private SocketIov(Task t, long[] base, long[] len, long total) {
        this.t = t;
        this.base = base;
        this.len = len;
        this.total = total;
    }

    static SocketIov one(Task t, long buf, long n) {
        if (!Access.ok(t, buf, n)) throw new FsException(Errno.EFAULT);
        long l = Math.min(n, Access.MAX_RW_COUNT);
        return new SocketIov(t, new long[] {buf}, new long[] {l}, l);
    }

    static SocketIov read(Task t, long iov, long cnt) {
        if (cnt < 0 || cnt > UIO_MAXIOV) throw new FsException(Errno.EMSGSIZE);
        long[] b = new long[(int) cnt], l = new long[(int) cnt];
        long total = 0;
        for (int i = 0; i < cnt; i++) {
            Long base = t.memory().readLong(iov + 16L * i), n = t.memory().readLong(iov + 16L * i + 8);
            if (base == null || n == null) throw new FsException(Errno.EFAULT);
            if (n < 0) throw new FsException(Errno.EINVAL);
            if (!Access.ok(t, base, n)) throw new FsException(Errno.EFAULT);
            long room = Access.MAX_RW_COUNT - total;
            b[i] = base;
            l[i] = Math.min(n, room);
            total += l[i];
        }
        return new SocketIov(t, b, l, total);
    }

    /** Gathers {@code n} bytes from position {@code at}; false on a bad address. */
    boolean gather(long at, byte[] dst, int off, int n) {
        for (int i = 0; i < base.length && n > 0; i++) {
            if (at >= len[i]) { at -= len[i]; continue; }
            int c = (int) Math.min(n, len[i] - at);
            if (!t.memory().read(base[i] + at, dst, off, c)) return false;
            off += c;
            n -= c;
            at = 0;
        }
        return true;
    }

    /** Scatters {@code n} bytes of {@code src} to position {@code at}; false on a bad address. */
    boolean scatter(long at, byte[] src, int off, int n) {
        for (int i = 0; i < base.length && n > 0; i++) {
            if (at >= len[i]) { at -= len[i]; continue; }
            int c = (int) Math.min(n, len[i] - at);
            if (!t.memory().write(base[i] + at, src, off, c)) return false;
            off += c;
            n -= c;
            at = 0;
        }
        return true;
    }
}
