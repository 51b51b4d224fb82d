package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * sendfile, copy_file_range and splice: a read from one descriptor and a write to another
 * inside the kernel. The read side's offset moves only by what was written, so a restarted
 * call (the write side was a full pipe) reads the same bytes again and goes on from there.
 */
final class SysFsCopy {
    private SysFsCopy() {}

    private static final long MAX_RW = 0x7ffff000L;
    private static final int SPLICE_F_NONBLOCK = 2;

    static void register(SyscallTable t, Services s) {
        t.add(71, "sendfile", (k, task, out, in, off, n, a4, a5) -> sendfile(k, s, task, (int) out, (int) in, off, n), FD, FD, PTR, LONG);
        t.add(285, "copy_file_range", (k, task, in, offIn, out, offOut, n, flags) ->
                copyFileRange(k, s, task, (int) in, offIn, (int) out, offOut, n, (int) flags), FD, PTR, FD, PTR, LONG, FLAGS);
        t.add(76, "splice", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, in, offIn, out, offOut, n, flags) ->
                splice(k, s, task, (int) in, offIn, (int) out, offOut, n, (int) flags), FD, PTR, FD, PTR, LONG, FLAGS);
    }

    /** Reads up to n bytes of {@code in} at pos (-1: its offset) without moving anything. */
    private static byte[] peek(FileDescription in, long pos, long n) {
        byte[] b = new byte[(int) Math.min(n, 1 << 20)];
        long r = in.file().read(b, 0, b.length, pos >= 0 ? pos : in.offset());
        if (r < 0) return null;
        return java.util.Arrays.copyOf(b, (int) r);
    }

    private static Long offsetArg(Task t, long va) {
        if (va == 0) return -1L;
        Long v = t.memory().readLong(va);
        return v == null ? null : v < 0 ? Long.MIN_VALUE : v;
    }

    /** Writes {@code data} to fd {@code out} (at outPos, or its offset); the write loop may sleep (RESTART). */
    private static long push(Kernel k, Services s, Task t, int out, long outPos, byte[] data, long key, String call) {
        return SysFile.write(k, s, t, out, data.length, outPos, call, key, (at, dst, len) -> {
            System.arraycopy(data, (int) at, dst, 0, len);
            return true;
        });
    }

    static long sendfile(Kernel k, Services s, Task t, int out, int in, long offVa, long n) {
        FileDescription fin = t.fds().get(in), fout = t.fds().get(out);
        if (fin == null || !fin.readable() || fout == null || !fout.writable()) return -Errno.EBADF;
        if (!(fin.file() instanceof OpenFile)) return -Errno.EINVAL;
        if ((fout.flags() & Fcntl.O_APPEND) != 0) return -Errno.EINVAL;
        Long pos = offsetArg(t, offVa);
        if (pos == null) return -Errno.EFAULT;
        if (pos == Long.MIN_VALUE || n < 0) return -Errno.EINVAL;
        // rw_verify_area: a position plus the count past the largest loff_t is EINVAL
        if (n > Long.MAX_VALUE - (pos >= 0 ? pos : fin.offset())) return -Errno.EINVAL;
        byte[] data = peek(fin, pos, Math.min(n, MAX_RW));
        if (data == null) return -Errno.EIO;
        if (data.length == 0) return 0;
        long w = push(k, s, t, out, -1, data, in, "sendfile(" + out + ", " + in + ")");
        if (w < 0) return w;
        if (pos >= 0) { if (!t.memory().writeLong(offVa, pos + w)) return -Errno.EFAULT; }
        else fin.setOffset(fin.offset() + w);
        return w;
    }

    static long copyFileRange(Kernel k, Services s, Task t, int in, long offInVa, int out, long offOutVa, long n, int flags) {
        if (flags != 0) return -Errno.EINVAL;
        FileDescription fin = t.fds().get(in), fout = t.fds().get(out);
        if (fin == null || !fin.readable() || fout == null || !fout.writable()) return -Errno.EBADF;
        if ((fout.flags() & Fcntl.O_APPEND) != 0) return -Errno.EBADF;
        if (!(fin.file() instanceof OpenFile) || !(fout.file() instanceof OpenFile)) return -Errno.EINVAL;
        Long pin = offsetArg(t, offInVa), pout = offsetArg(t, offOutVa);
        if (pin == null || pout == null) return -Errno.EFAULT;
        if (pin == Long.MIN_VALUE || pout == Long.MIN_VALUE || n < 0) return -Errno.EINVAL;
        long from = pin >= 0 ? pin : fin.offset(), to = pout >= 0 ? pout : fout.offset();
        if (fin.file().inode() == fout.file().inode() && from < to + n && to < from + n) return -Errno.EINVAL;
        byte[] data = peek(fin, from, Math.min(n, MAX_RW));
        if (data == null) return -Errno.EIO;
        if (data.length == 0) return 0;
        long w = push(k, s, t, out, to, data, in, "copy_file_range");
        if (w < 0) return w;
        if (pin >= 0) t.memory().writeLong(offInVa, pin + w); else fin.setOffset(fin.offset() + w);
        if (pout >= 0) t.memory().writeLong(offOutVa, pout + w); else fout.setOffset(fout.offset() + w);
        return w;
    }

    /** splice: one side must be a pipe; the pipe side takes no offset. */
    static long splice(Kernel k, Services s, Task t, int in, long offInVa, int out, long offOutVa, long n, int flags) {
        FileDescription fin = t.fds().get(in), fout = t.fds().get(out);
        if (fin == null || !fin.readable() || fout == null || !fout.writable()) return -Errno.EBADF;
        boolean pin = fin.file() instanceof PipeEnd, pout = fout.file() instanceof PipeEnd;
        if (!pin && !pout) return -Errno.EINVAL;
        if (pin && offInVa != 0 || pout && offOutVa != 0) return -Errno.ESPIPE;
        Long oin = offsetArg(t, offInVa), oout = offsetArg(t, offOutVa);
        if (oin == null || oout == null) return -Errno.EFAULT;
        if (oin == Long.MIN_VALUE || oout == Long.MIN_VALUE || n < 0) return -Errno.EINVAL;
        if (n == 0) return 0;
        boolean nonblock = (flags & SPLICE_F_NONBLOCK) != 0;
        if (pin) {
            // Out of a pipe: take what is queued now (at most n) and write it out, as read then write.
            PipeEnd p = (PipeEnd) fin.file();
            if (p.pipe().empty()) {
                if (p.pipe().writers() == 0) return 0;
                if (nonblock || (fin.flags() & Fcntl.O_NONBLOCK) != 0) return -Errno.EAGAIN;
                return SysFile.sleep(k, t, fin, "splice(" + in + ")");
            }
            int len = (int) Math.min(Math.min(n, p.pipe().queued()), 1 << 20);
            if (pout) {
                PipeEnd q = (PipeEnd) fout.file();
                int room = q.pipe().capacity() - (int) q.pipe().queued();
                if (room <= 0) {
                    if (nonblock || (fout.flags() & Fcntl.O_NONBLOCK) != 0) return -Errno.EAGAIN;
                    return SysFile.sleep(k, t, fout, "splice(" + in + ", " + out + ")");
                }
                len = Math.min(len, room);
            }
            byte[] data = new byte[len];
            long r = p.read(data, 0, len, 0);
            if (r <= 0) return r;
            long pos = oout >= 0 ? oout : -1;
            long w = fout.file().write(data, 0, (int) r, pos >= 0 ? pos : fout.offset());
            if (w < 0) return w;
            if (oout >= 0) t.memory().writeLong(offOutVa, oout + w);
            else if (fout.file().seekable()) fout.setOffset(fout.offset() + w);
            return w;
        }
        // Into a pipe from a file: like sendfile.
        long pos = oin >= 0 ? oin : -1;
        byte[] data = peek(fin, pos, Math.min(n, 1 << 16));
        if (data == null) return -Errno.EIO;
        if (data.length == 0) return 0;
        if (nonblock && ((PipeEnd) fout.file()).pipe().full()) return -Errno.EAGAIN;
        long w = push(k, s, t, out, -1, data, in, "splice(" + in + ", " + out + ")");
        if (w < 0) return w;
        if (oin >= 0) t.memory().writeLong(offInVa, oin + w); else fin.setOffset(fin.offset() + w);
        return w;
    }
}
