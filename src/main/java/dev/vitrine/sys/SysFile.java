package dev.vitrine.sys;

import dev.vitrine.fs.Errno;
import dev.vitrine.fs.File;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.nio.charset.StandardCharsets;

import static dev.vitrine.sys.Arg.*;

/** read, write and the other descriptor calls. */
final class SysFile {
    private SysFile() {}

    private static final long MAX_RW = 0x7ffff000L;
    private static final int CHUNK = 1 << 20;
    private static final int IOV_MAX = 1024;
    private static final int AT_FDCWD = -100, AT_EMPTY_PATH = 0x1000;
    private static final int TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404,
            TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, FIONREAD = 0x541B;

    static void register(SyscallTable t, Services s) {
        t.add(63, "read", (k, task, fd, buf, n, a3, a4, a5) -> read(task, (int) fd, buf, n), FD, BUF_OUT, LONG);
        t.add(64, "write", (k, task, fd, buf, n, a3, a4, a5) -> write(task, (int) fd, buf, n), FD, BUF_IN, LONG);
        t.add(65, "readv", (k, task, fd, iov, cnt, a3, a4, a5) -> readv(task, (int) fd, iov, cnt), FD, IOV_OUT, INT);
        t.add(66, "writev", (k, task, fd, iov, cnt, a3, a4, a5) -> writev(task, (int) fd, iov, cnt), FD, IOV_IN, INT);
        t.add(57, "close", (k, task, fd, a1, a2, a3, a4, a5) -> task.fds().close((int) fd) ? 0 : -Errno.EBADF, FD);
        t.add(62, "lseek", (k, task, fd, off, whence, a3, a4, a5) -> lseek(task, (int) fd, off, (int) whence), FD, LONG, INT);
        t.add(29, "ioctl", (k, task, fd, req, arg, a3, a4, a5) -> ioctl(task, (int) fd, (int) req, arg), FD, HEX, PTR);
        t.add(80, "fstat", (k, task, fd, buf, a2, a3, a4, a5) -> fstat(task, (int) fd, buf), FD, PTR);
        t.add(79, "newfstatat", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dirfd, path, buf, flags, a4, a5) -> newfstatat(task, (int) dirfd, path, buf, (int) flags), FD, STR, PTR, HEX);
        t.add(78, "readlinkat", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dirfd, path, buf, size, a4, a5) -> readlinkat(task, path, buf, size), FD, STR, PTR, LONG);
        t.add(48, "faccessat", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dirfd, path, mode, a3, a4, a5) -> faccessat(task, path), FD, STR, INT);
        t.add(439, "faccessat2", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dirfd, path, mode, flags, a4, a5) -> faccessat(task, path), FD, STR, INT, HEX);
    }

    static FileDescription fd(Task t, int fd) { return t.fds().get(fd); }

    static long read(Task t, int fd, long buf, long n) {
        FileDescription f = fd(t, fd);
        if (f == null || !f.readable()) return -Errno.EBADF;
        if (n < 0) return -Errno.EINVAL;
        n = Math.min(n, MAX_RW);
        if (n == 0) return 0;
        byte[] b = new byte[(int) Math.min(n, CHUNK)];
        long r = f.file().read(b, 0, b.length, f.offset());
        if (r <= 0) return r;
        if (!t.memory().write(buf, b, 0, (int) r)) return -Errno.EFAULT;
        if (f.file().seekable()) f.setOffset(f.offset() + r);
        return r;
    }

    static long write(Task t, int fd, long buf, long n) {
        FileDescription f = fd(t, fd);
        if (f == null || !f.writable()) return -Errno.EBADF;
        if (n < 0) return -Errno.EINVAL;
        n = Math.min(n, MAX_RW);
        long done = 0;
        while (done < n) {
            int len = (int) Math.min(n - done, CHUNK);
            byte[] b = new byte[len];
            if (!t.memory().read(buf + done, b, 0, len)) return done > 0 ? done : -Errno.EFAULT;
            long r = f.file().write(b, 0, len, f.offset());
            if (r < 0) return done > 0 ? done : r;
            if (f.file().seekable()) f.setOffset(f.offset() + r);
            done += r;
            if (r < len) break;
        }
        return done;
    }

    private static long readv(Task t, int fd, long iov, long cnt) {
        if (cnt < 0 || cnt > IOV_MAX) return -Errno.EINVAL;
        FileDescription f = fd(t, fd);
        if (f == null || !f.readable()) return -Errno.EBADF;
        long total = 0;
        for (int i = 0; i < cnt; i++) {
            Long base = t.memory().readLong(iov + 16L * i), len = t.memory().readLong(iov + 16L * i + 8);
            if (base == null || len == null) return total > 0 ? total : -Errno.EFAULT;
            if (len == 0) continue;
            long r = read(t, fd, base, len);
            if (r < 0) return total > 0 ? total : r;
            total += r;
            if (r < len) break;
        }
        return total;
    }

    private static long writev(Task t, int fd, long iov, long cnt) {
        if (cnt < 0 || cnt > IOV_MAX) return -Errno.EINVAL;
        FileDescription f = fd(t, fd);
        if (f == null || !f.writable()) return -Errno.EBADF;
        long total = 0;
        for (int i = 0; i < cnt; i++) {
            Long base = t.memory().readLong(iov + 16L * i), len = t.memory().readLong(iov + 16L * i + 8);
            if (base == null || len == null) return total > 0 ? total : -Errno.EFAULT;
            if (len < 0) return -Errno.EINVAL;
            if (len == 0) continue;
            long r = write(t, fd, base, len);
            if (r < 0) return total > 0 ? total : r;
            total += r;
            if (r < len) break;
        }
        return total;
    }

    private static long lseek(Task t, int fd, long off, int whence) {
        FileDescription f = fd(t, fd);
        if (f == null) return -Errno.EBADF;
        if (!f.file().seekable()) return -Errno.ESPIPE;
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> f.offset();
            case 2 -> f.file().stat().size();
            default -> -1;
        };
        if (base < 0) return -Errno.EINVAL;
        long pos = base + off;
        if (pos < 0) return -Errno.EINVAL;
        f.setOffset(pos);
        return pos;
    }

    private static long ioctl(Task t, int fd, int req, long arg) {
        FileDescription f = fd(t, fd);
        if (f == null) return -Errno.EBADF;
        File file = f.file();
        if (!file.isTerminal()) return -Errno.ENOTTY;
        return switch (req) {
            case TCGETS -> t.memory().write(arg, Abi.termios()) ? 0 : -Errno.EFAULT;
            case TCSETS, TCSETSW, TCSETSF -> 0;
            case TIOCGWINSZ -> t.memory().write(arg, Abi.winsize(24, 80)) ? 0 : -Errno.EFAULT;
            case TIOCGPGRP -> t.memory().writeInt(arg, t.pid()) ? 0 : -Errno.EFAULT;
            case TIOCSPGRP -> 0;
            case FIONREAD -> t.memory().writeInt(arg, 0) ? 0 : -Errno.EFAULT;
            default -> -Errno.ENOTTY;
        };
    }

    private static long fstat(Task t, int fd, long buf) {
        FileDescription f = fd(t, fd);
        if (f == null) return -Errno.EBADF;
        return t.memory().write(buf, Abi.stat(f.file().stat())) ? 0 : -Errno.EFAULT;
    }

    private static long newfstatat(Task t, int dirfd, long pathVa, long buf, int flags) {
        String path = t.memory().readCString(pathVa, 4096);
        if (path == null) return -Errno.EFAULT;
        if (path.isEmpty()) {
            if ((flags & AT_EMPTY_PATH) == 0) return -Errno.ENOENT;
            return fstat(t, dirfd, buf);
        }
        // The file tree arrives with the files issue; until then it is empty.
        return -Errno.ENOENT;
    }

    private static long readlinkat(Task t, long pathVa, long buf, long size) {
        String path = t.memory().readCString(pathVa, 4096);
        if (path == null) return -Errno.EFAULT;
        if (size <= 0) return -Errno.EINVAL;
        if (!path.equals("/proc/self/exe")) return -Errno.ENOENT;
        byte[] target = t.exePath().getBytes(StandardCharsets.UTF_8);
        int n = (int) Math.min(size, target.length);
        return t.memory().write(buf, target, 0, n) ? n : -Errno.EFAULT;
    }

    private static long faccessat(Task t, long pathVa) {
        String path = t.memory().readCString(pathVa, 4096);
        if (path == null) return -Errno.EFAULT;
        return -Errno.ENOENT;
    }
}
