package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Locks;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.abi.Fcntl.*;

/** fcntl, dup and dup3. */
final class SysFcntl {
    private SysFcntl() {}

    static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6,
            F_SETLKW = 7, F_DUPFD_CLOEXEC = 1030, F_ADD_SEALS = 1033, F_GET_SEALS = 1034, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032, FD_CLOEXEC = 1;
    /** The status flags F_SETFL may change: O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME, O_ASYNC. */
    private static final int SETFL_MASK = 02000 | 04000 | 040000 | 01000000 | 020000;

    static void register(SyscallTable t, Services s) {
        t.add(23, "dup", (k, task, fd, a1, a2, a3, a4, a5) -> dup(task, (int) fd), FD);
        t.add(24, "dup3", (k, task, fd, nfd, flags, a3, a4, a5) -> dup3(task, (int) fd, (int) nfd, (int) flags), FD, FD, FD_FLAGS);
        t.add(25, "fcntl", (k, task, fd, cmd, arg, a3, a4, a5) -> fcntl(k, task, (int) fd, (int) cmd, arg), FD, FCNTL_CMD, HEX);
    }

    static long dup(Task t, int fd) {
        FileDescription f = t.fds().get(fd);
        if (f == null) return -Errno.EBADF;
        int n = t.fds().allocate(f, 0, false);
        if (n >= 0) f.retain();
        return n;
    }

    /** dup2 is dup3 without flags in glibc; dup3(fd, fd) is EINVAL. */
    static long dup3(Task t, int fd, int nfd, int flags) {
        if ((flags & ~O_CLOEXEC) != 0) return -Errno.EINVAL;
        if (fd == nfd) return -Errno.EINVAL;   // ksys_dup3 asks this before looking at the descriptor
        FileDescription f = t.fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (nfd < 0 || nfd >= t.fds().limit()) return -Errno.EBADF;
        t.fds().install(nfd, f.retain(), (flags & O_CLOEXEC) != 0);
        return nfd;
    }

    static long fcntl(Kernel k, Task t, int fd, int cmd, long arg) {
        FileDescription f = t.fds().get(fd);
        if (f == null) return -Errno.EBADF;
        boolean opath = (f.flags() & Fcntl.O_PATH) != 0;
        if (opath && cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC && cmd != F_GETFD && cmd != F_SETFD && cmd != F_GETFL)
            return -Errno.EBADF;
        switch (cmd) {
            case F_DUPFD, F_DUPFD_CLOEXEC -> {
                if (arg < 0 || arg >= t.fds().limit()) return -Errno.EINVAL;
                int n = t.fds().allocate(f, (int) arg, cmd == F_DUPFD_CLOEXEC);
                if (n >= 0) f.retain();
                return n;
            }
            case F_GETFD -> { return t.fds().cloexec(fd) ? FD_CLOEXEC : 0; }
            case F_SETFD -> { t.fds().setCloexec(fd, (arg & FD_CLOEXEC) != 0); return 0; }
            case F_GETFL -> { return f.flags(); }
            case F_SETFL -> {
                f.setFlags((f.flags() & ~SETFL_MASK) | ((int) arg & SETFL_MASK));
                return 0;
            }
            case F_GETPIPE_SZ, F_SETPIPE_SZ -> {
                if (!(f.file() instanceof PipeEnd p)) return -Errno.EBADF;
                return cmd == F_GETPIPE_SZ ? p.pipe().capacity() : p.pipe().resize(arg);
            }
            case F_GETLK, F_SETLK, F_SETLKW -> { return lock(k, t, fd, f, cmd, arg); }
            case F_ADD_SEALS, F_GET_SEALS -> { return seals(f, cmd, (int) arg); }
            default -> { return -Errno.EINVAL; }
        }
    }

    /** memfd_fcntl: the seals of a memfd; EINVAL on any other file, EPERM once F_SEAL_SEAL is set or to write-seal a writable description. */
    private static long seals(FileDescription f, int cmd, int add) {
        if (!(f.file().inode() instanceof dev.vitrine.fs.RegularFile r) || r.seals() < 0) return -Errno.EINVAL;
        if (cmd == F_GET_SEALS) return r.seals();
        if (!f.writable()) return -Errno.EPERM;
        if ((add & ~0x1f) != 0) return -Errno.EINVAL;
        if ((r.seals() & dev.vitrine.fs.RegularFile.F_SEAL_SEAL) != 0) return -Errno.EPERM;
        r.setSeals(r.seals() | add);
        return 0;
    }

    /** struct flock: short type, short whence, (pad), off_t start, off_t len, pid_t pid: 32 bytes. */
    private static long lock(Kernel k, Task t, int fd, FileDescription f, int cmd, long arg) {
        byte[] raw = new byte[32];
        if (!t.memory().read(arg, raw, 0, 32)) return -Errno.EFAULT;
        ByteBuffer b = Abi.buffer(32).put(raw).flip();
        int type = b.getShort(0), whence = b.getShort(2);
        long start = b.getLong(8), len = b.getLong(16);
        Inode i = f.file().inode();
        if (i == null) return -Errno.EINVAL;
        if (cmd == F_GETLK && type != Locks.F_RDLCK && type != Locks.F_WRLCK) return -Errno.EINVAL;
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> f.offset();
            case 2 -> i.size();
            default -> -1;
        };
        // flock64_to_posix_lock, in its order: a range past OFFSET_MAX is EOVERFLOW, one before 0 EINVAL
        if (base < 0) return -Errno.EINVAL;
        if (start > Long.MAX_VALUE - base) return -Errno.EOVERFLOW;
        long s = base + start, e;
        if (s < 0) return -Errno.EINVAL;
        if (len > 0) {
            if (len - 1 > Long.MAX_VALUE - s) return -Errno.EOVERFLOW;
            e = s + len - 1;
        } else if (len < 0) {
            if (s + len < 0) return -Errno.EINVAL;
            e = s - 1;
            s += len;
        } else e = Long.MAX_VALUE;
        if (type < 0 || type > 2) return -Errno.EINVAL;
        if (cmd != F_GETLK) {
            if (type == Locks.F_RDLCK && !f.readable() || type == Locks.F_WRLCK && !f.writable()) return -Errno.EBADF;
        }
        Locks.Lock c = type == Locks.F_UNLCK ? null : i.locks().conflict(t.fds(), type, s, e);
        if (cmd == F_GETLK) {
            ByteBuffer out = Abi.buffer(32);
            // fcntl_getlk: with nothing in the way only l_type changes (F_UNLCK); the caller's other fields stay
            if (c == null) return t.memory().write(arg, new byte[] {(byte) Locks.F_UNLCK, 0}) ? 0 : -Errno.EFAULT;
            else out.putShort(0, (short) c.type()).putShort(2, (short) 0).putLong(8, c.start())
                    .putLong(16, c.end() == Long.MAX_VALUE ? 0 : c.end() - c.start() + 1).putInt(24, c.pid());
            return t.memory().write(arg, out.array()) ? 0 : -Errno.EFAULT;
        }
        if (c != null) {
            if (cmd == F_SETLK) return -Errno.EAGAIN;
            k.sleep(t, i.locks(), "fcntl(" + fd + ", F_SETLKW): pid " + c.pid() + " holds a conflicting lock");
            return Syscall.RESTART;
        }
        i.locks().set(t.fds(), t.pid(), type, s, e);
        if (type == Locks.F_UNLCK) k.wakeup(i.locks());
        return 0;
    }
}
