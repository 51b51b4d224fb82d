package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Rlimit;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Console;
import dev.vitrine.fs.PtySlave;
import dev.vitrine.fs.TtyRead;
import dev.vitrine.fs.File;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.JobControl;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Signals;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * read and write and their vector and positioned forms, and lseek. A stream that cannot
 * go on answers -EAGAIN: O_NONBLOCK returns that, otherwise the task sleeps on the file's
 * channel and the call restarts. A blocking write put to sleep part-way remembers how far
 * it got (the task's syscall scratch), so the restart goes on from there.
 */
final class SysFile {
    private SysFile() {}

    private static final long MAX_RW = 0x7ffff000L;
    private static final int CHUNK = 1 << 20;
    private static final int IOV_MAX = 1024;

    /** Where a write's bytes come from: user memory or a gathered iovec. */
    interface Src { boolean copy(long at, byte[] dst, int len); }

    static void register(SyscallTable t, Services s) {
        t.add(63, "read", (k, task, fd, buf, n, a3, a4, a5) -> read(k, s, task, (int) fd, buf, n, -1), FD, BUF_OUT, SIZE);
        t.add(64, "write", (k, task, fd, buf, n, a3, a4, a5) -> write(k, s, task, (int) fd, buf, n, -1), FD, BUF_IN, SIZE);
        t.add(65, "readv", (k, task, fd, iov, cnt, a3, a4, a5) -> readv(k, task, (int) fd, iov, cnt, -1), FD, IOV_OUT, SIZE);
        t.add(66, "writev", (k, task, fd, iov, cnt, a3, a4, a5) -> writev(k, s, task, (int) fd, iov, cnt, -1), FD, IOV_IN, SIZE);
        t.add(67, "pread64", (k, task, fd, buf, n, pos, a4, a5) -> read(k, s, task, (int) fd, buf, n, pos), FD, BUF_OUT, SIZE, POS);
        t.add(68, "pwrite64", (k, task, fd, buf, n, pos, a4, a5) -> write(k, s, task, (int) fd, buf, n, pos), FD, BUF_IN, SIZE, POS);
        t.add(69, "preadv", (k, task, fd, iov, cnt, pos, a4, a5) -> readv(k, task, (int) fd, iov, cnt, pos), FD, IOV_OUT, SIZE, POS);
        t.add(70, "pwritev", (k, task, fd, iov, cnt, pos, a4, a5) -> writev(k, s, task, (int) fd, iov, cnt, pos), FD, IOV_IN, SIZE, POS);
        t.add(62, "lseek", (k, task, fd, off, whence, a3, a4, a5) -> lseek(task, (int) fd, off, (int) whence), FD, OFF, WHENCE);
    }

    static FileDescription fd(Task t, int fd) { return t.fds().get(fd); }

    private static boolean blocks(FileDescription f) {
        return (f.flags() & Fcntl.O_NONBLOCK) == 0 && f.file().channel() != null;
    }

    /** Puts the task to sleep on the file, saying what it waits for, and restarts the call. */
    static long sleep(Kernel k, Task t, FileDescription f, String call) { return sleep(k, t, f, call, false); }

    /**
     * The same; {@code nothing}: this run of a restarted call moved no byte (woken, it found the
     * pipe as it was), so on a pipe it waits again in its old place (Kernel.sleepInPlace).
     */
    static long sleep(Kernel k, Task t, FileDescription f, String call, boolean nothing) {
        File file = f.file();
        String why = call + (file instanceof PipeEnd p
                ? (call.startsWith("read") ? " from " + file.describe() + " whose writers are all blocked"
                                           : " to a full " + (p.isFifo() ? "FIFO" : "pipe") + " whose readers are all blocked")
                : " on " + file.describe());
        if (file instanceof PipeEnd && nothing && t.restarted()) k.sleepInPlace(t, file.channel(), why);
        else k.sleep(t, file.channel(), why);
        return Syscall.RESTART;
    }

    /**
     * The terminal's job-control check (n_tty_read's job_control, n_tty_write under TOSTOP):
     * 0 to go on, -EIO, or RESTART once the caller's group was sent {@code sig}: the call runs
     * again when the group is continued (or ends in EINTR after a handler without SA_RESTART).
     */
    static long ttyCheck(Kernel k, Task t, File file, int sig) {
        long r;
        if (file instanceof PtySlave s) {
            if (s.pty().session() == 0) return 0;   // no one's controlling terminal
            r = JobControl.check(k, t, sig, s.pty().session(), s.pty().terminal().foregroundPgid());
        }
        else if (!(file instanceof Console c) || !c.isTerminal()) return 0;
        else r = JobControl.check(k, t, sig);
        return r == JobControl.SIGNALLED ? Syscall.RESTART : r;
    }

    /** read/pread64 ({@code pos} -1: at and past the description's offset). */
    static long read(Kernel k, Services s, Task t, int fd, long buf, long n, long pos) {
        FileDescription f = fd(t, fd);
        if (f == null || !f.readable()) return -Errno.EBADF;
        if (pos >= 0 && !f.file().seekable()) return -Errno.ESPIPE;
        if (!Access.ok(t, buf, n)) return -Errno.EFAULT;
        if (f.file().seekable() && overflows(pos >= 0 ? pos : f.offset(), n)) return -Errno.EINVAL;
        long tty = ttyCheck(k, t, f.file(), Signals.SIGTTIN);
        if (tty != 0) return tty;
        int len = (int) Math.min(Math.min(n, MAX_RW), CHUNK);
        if (f.file() instanceof PipeEnd p && pos < 0) {
            // Pipes copy from their pages straight into user memory.
            long r = p.read((at, src, srcOff, cnt) -> t.memory().write(buf + at, src, srcOff, cnt), len);
            if (r == -Errno.EAGAIN && blocks(f)) return sleep(k, t, f, "read(" + fd + ")", true);
            return r;
        }
        byte[] b = s.ioBuffer(len);
        long r = f.file().read(b, 0, len, pos >= 0 ? pos : f.offset());
        if (r == -Errno.EAGAIN && blocks(f) && f.file() instanceof TtyRead c && c.readTimeoutNs() >= 0) {
            // Non-canonical VTIME: wait that long at most, then take what is there (maybe nothing).
            long at = t.continuation() instanceof Continuation.Deadline d ? d.at() : k.clock().now() + c.readTimeoutNs();
            if (k.clock().now() < at) {
                t.setContinuation(new Continuation.Deadline(at));
                k.sleepTimed(t, c.channel(), at, "read(" + fd + ") on " + c.describe() + " for VTIME");
                return Syscall.RESTART;
            }
            r = c.readTimedOut(b, 0, len);
        }
        if (r == -Errno.EAGAIN && blocks(f)) return sleep(k, t, f, "read(" + fd + ")");
        if (r <= 0) return r;
        long done;
        if (!(f.file() instanceof dev.vitrine.fs.OpenFile)) {
            if (!t.memory().write(buf, b, 0, (int) r)) return -Errno.EFAULT;
            done = r;
        } else {
            // A regular file is read whole, as filemap_read does, a chunk of the bounce buffer at a
            // time; a fault in the caller's buffer ends it after the bytes copied before it
            done = copyOut(t, buf, b, (int) r);
            if (done == 0) return -Errno.EFAULT;
            long want = Math.min(n, MAX_RW);
            boolean full = done == r && r == len;
            while (full && done < want) {
                int more = (int) Math.min(want - done, CHUNK);
                long got = f.file().read(b, 0, more, (pos >= 0 ? pos : f.offset()) + done);
                if (got <= 0) break;
                int c = copyOut(t, buf + done, b, (int) got);
                done += c;
                full = c == got && got == more;
            }
        }
        if (pos < 0 && f.file().seekable()) f.setOffset(f.offset() + done);
        return done;
    }

    /** copy_to_user: copies {@code n} bytes page by page, stopping at the first page that faults; the count copied. */
    private static int copyOut(Task t, long va, byte[] b, int n) {
        if (t.memory().write(va, b, 0, n)) return n;
        int done = 0;
        while (done < n) {
            long page = t.space().pageSize();
            int piece = (int) Math.min(n - done, page - ((va + done) & (page - 1)));
            if (!t.memory().write(va + done, b, done, piece)) break;
            done += piece;
        }
        return done;
    }

    static long write(Kernel k, Services s, Task t, int fd, long buf, long n, long pos) {
        FileDescription f = fd(t, fd);
        if (f != null && f.writable() && !Access.ok(t, buf, n)) return -Errno.EFAULT;   // after EBADF, as vfs_write
        if (f != null && f.writable() && f.file() instanceof PipeEnd p && pos < 0 && n <= CHUNK)
            return pipeWrite(k, t, fd, f, p, buf, (int) n);
        return write(k, s, t, fd, Math.min(n, MAX_RW), pos, "write(" + fd + ")", buf,
                (at, dst, len) -> t.memory().read(buf + at, dst, 0, len));
    }

    /** A pipe write of up to 1 MiB straight from user memory into the pipe's pages, resumable like the general loop. */
    private static long pipeWrite(Kernel k, Task t, int fd, FileDescription f, PipeEnd p, long buf, int n) {
        long done = t.continuation() instanceof Continuation.Progress c && c.same(fd, buf, n) ? c.done() : 0;
        long before = done;
        while (true) {
            long base = buf + done;
            long r = p.write((at, dst, dstOff, len) -> t.memory().read(base + at, dst, dstOff, len), (int) (n - done), done > 0,
                    (f.flags() & Fcntl.O_DIRECT) != 0);
            if (r == -Errno.EAGAIN && blocks(f)) {
                if (done > 0) t.setContinuation(new Continuation.Progress(fd, buf, n, done));
                return sleep(k, t, f, "write(" + fd + ")", done == before);
            }
            if (r == -Errno.EPIPE) {
                k.signal(t, Signals.SIGPIPE);   // see the general loop
                return done > 0 ? done : r;
            }
            if (r < 0) return done > 0 ? done : r;
            done += r;
            if (done >= n || !blocks(f)) return done;
        }
    }

    /** The write loop shared by write, pwrite64 and the vector forms; {@code key} tells restarts apart. */
    static long write(Kernel k, Services s, Task t, int fd, long n, long pos, String call, long key, Src src) {
        FileDescription f = fd(t, fd);
        if (f == null || !f.writable()) return -Errno.EBADF;
        File file = f.file();
        if (pos >= 0 && !file.seekable()) return -Errno.ESPIPE;
        if (file.seekable() && overflows(pos >= 0 ? pos : f.offset(), n)) return -Errno.EINVAL;
        long done = t.continuation() instanceof Continuation.Progress c && c.same(fd, key, n) ? c.done() : 0;
        long before = done;
        if (done == 0 && (file instanceof Console con && con.terminal().tostop() || file instanceof PtySlave ps && ps.pty().terminal().tostop())) {
            long tty = ttyCheck(k, t, file, Signals.SIGTTOU);
            if (tty != 0) return tty;
        }
        boolean append = (f.flags() & Fcntl.O_APPEND) != 0 && file.seekable();
        // file_remove_privs: writing to a set-uid/set-gid file without CAP_FSETID clears those bits.
        if (n > 0 && done == 0 && file instanceof OpenFile && file.inode() != null) {
            int kill = dev.vitrine.fs.Permission.killOnWrite(t.cred(), file.inode());
            if (kill != 0) file.inode().chmod(file.inode().perm() & ~kill, file.inode().mtime());
        }
        byte[] b = s.ioBuffer((int) Math.min(Math.max(n - done, 0), CHUNK));
        while (done < n || n == 0) {
            int len = (int) Math.min(n - done, CHUNK);
            if (!src.copy(done, b, len)) return done > 0 ? done : -Errno.EFAULT;
            long at = append ? file.stat().size() : pos >= 0 ? pos + done : f.offset();
            if (file instanceof OpenFile) {
                long fit = fileSizeLimit(k, t, at, len, done == 0);
                if (fit < 0) return done > 0 ? done : fit;
                len = (int) fit;
            }
            long r = file instanceof PipeEnd p && done > 0 ? p.writeRest(b, 0, len) : file.write(b, 0, len, at);
            if (r == -Errno.EAGAIN && blocks(f)) {
                if (done > 0) t.setContinuation(new Continuation.Progress(fd, key, n, done));
                return sleep(k, t, f, call, done == before);
            }
            if (r == -Errno.EPIPE) {
                // Linux's pipe_write: send_sig(SIGPIPE) to the writer; EPIPE is what a caught,
                // ignored or blocked SIGPIPE leaves, and a write that got some bytes in returns those.
                k.signal(t, Signals.SIGPIPE);
                return done > 0 ? done : r;
            }
            if (r < 0) return done > 0 ? done : r;
            if (pos < 0 && file.seekable()) f.setOffset((append ? at : f.offset()) + r);
            done += r;
            if (n == 0 || file.messages()) break;
            if (r < len && !blocks(f)) break;
        }
        return done;
    }

    /** rw_verify_area: a position plus a count past the largest loff_t is EINVAL. */
    private static boolean overflows(long pos, long n) { return pos >= 0 && n > Long.MAX_VALUE - pos; }

    /**
     * generic_write_check_limits: a regular file's write at {@code pos} stops at RLIMIT_FSIZE
     * (at or past it: SIGXFSZ and EFBIG) and at the largest file; returns how much may go.
     */
    static long fileSizeLimit(Kernel k, Task t, long pos, int len, boolean first) {
        long limit = t.rlimCur()[Rlimit.FSIZE];
        if (limit != -1) {
            if (Long.compareUnsigned(pos, limit) >= 0) {
                // The rest of a write that reached the limit returns what went in; the next write gets the signal.
                if (first) k.signal(t, Signals.SIGXFSZ);
                return -Errno.EFBIG;
            }
            len = (int) Math.min(len, limit - pos);
        }
        if (pos < 0 || pos == Long.MAX_VALUE) return -Errno.EFBIG;
        return Math.min(len, Long.MAX_VALUE - pos);
    }

    /** The iovec array as (base, len) pairs; null if it cannot be read. */
    private static long[] iovecs(Task t, long iov, long cnt) {
        long[] v = new long[(int) cnt * 2];
        for (int i = 0; i < cnt; i++) {
            Long base = t.memory().readLong(iov + 16L * i), len = t.memory().readLong(iov + 16L * i + 8);
            if (base == null || len == null) return null;
            v[2 * i] = base;
            v[2 * i + 1] = len;
        }
        return v;
    }

    private static long total(long[] v) {
        long sum = 0;
        for (int i = 1; i < v.length; i += 2) {
            if (v[i] < 0) return -1;
            sum += v[i];
            if (sum < 0) return -1;
        }
        return sum;
    }

    /** readv reads once into a buffer the size of all the iovecs, then scatters it. */
    static long readv(Kernel k, Task t, int fd, long iov, long cnt, long pos) {
        if (cnt < 0 || cnt > IOV_MAX) return -Errno.EINVAL;
        FileDescription f = fd(t, fd);
        if (f == null || !f.readable()) return -Errno.EBADF;
        long[] v = iovecs(t, iov, cnt);
        if (v == null) return -Errno.EFAULT;
        long want = total(v);
        if (want < 0) return -Errno.EINVAL;
        if (pos >= 0 && !f.file().seekable()) return -Errno.ESPIPE;
        long tty = ttyCheck(k, t, f.file(), Signals.SIGTTIN);
        if (tty != 0) return tty;
        byte[] b = new byte[(int) Math.min(Math.min(want, MAX_RW), CHUNK * 16L)];
        long r = f.file().read(b, 0, b.length, pos >= 0 ? pos : f.offset());
        if (r == -Errno.EAGAIN && blocks(f)) return sleep(k, t, f, "readv(" + fd + ")");
        if (r <= 0) return r;
        long off = 0;
        for (int i = 0; i < v.length && off < r; i += 2) {
            int len = (int) Math.min(v[i + 1], r - off);
            if (!t.memory().write(v[i], b, (int) off, len)) return off > 0 ? off : -Errno.EFAULT;
            off += len;
        }
        if (pos < 0 && f.file().seekable()) f.setOffset(f.offset() + r);
        return r;
    }

    /** writev gathers first, so a vector of at most PIPE_BUF bytes reaches a pipe in one atomic write. */
    static long writev(Kernel k, Services s, Task t, int fd, long iov, long cnt, long pos) {
        if (cnt < 0 || cnt > IOV_MAX) return -Errno.EINVAL;
        FileDescription f = fd(t, fd);
        if (f == null || !f.writable()) return -Errno.EBADF;
        long[] v = iovecs(t, iov, cnt);
        if (v == null) return -Errno.EFAULT;
        long want = total(v);
        if (want < 0) return -Errno.EINVAL;
        byte[] all = new byte[(int) Math.min(want, CHUNK * 16L)];
        long off = 0;
        for (int i = 0; i < v.length && off < all.length; i += 2) {
            int len = (int) Math.min(v[i + 1], all.length - off);
            if (!t.memory().read(v[i], all, (int) off, len)) {
                if (off == 0) return -Errno.EFAULT;
                break;
            }
            off += len;
        }
        long n = off;
        return write(k, s, t, fd, n, pos, "writev(" + fd + ")", iov, (at, dst, len) -> {
            System.arraycopy(all, (int) at, dst, 0, len);
            return true;
        });
    }

    static long lseek(Task t, int fd, long off, int whence) {
        FileDescription f = fd(t, fd);
        if (f == null) return -Errno.EBADF;
        if (!f.file().seekable()) return -Errno.ESPIPE;
        long size = f.file().stat().size();
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> f.offset();
            case 2 -> size;
            case 3, 4 -> {  // SEEK_DATA, SEEK_HOLE: a sparse tmpfs file knows its holes; other files are one extent
                if (off < 0 || off >= size) yield Long.MIN_VALUE;
                if (f.file().inode() instanceof dev.vitrine.fs.RegularFile r) {
                    long at = whence == 3 ? r.store().nextData(off) : r.store().nextHole(off);
                    yield at < 0 ? Long.MIN_VALUE : at - off;
                }
                yield whence == 3 ? 0 : size - off;
            }
            default -> -1;
        };
        if (base == Long.MIN_VALUE) return -Errno.ENXIO;
        if (base < 0) return -Errno.EINVAL;
        long p = base + off;
        if (p < 0) return -Errno.EINVAL;
        p = f.file().seek(f.offset(), p);
        f.setOffset(p);
        return p;
    }
}
