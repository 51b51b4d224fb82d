package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Locks;
import dev.vitrine.fs.Pipe;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Process;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.SignalDelivery;
import dev.vitrine.proc.Signals;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.abi.Fcntl.*;

/** fcntl, dup and dup3. */
final class SysFcntl {
    private SysFcntl() {}

    static final int F_DUPFD = 0, F_GETFD = 1, F_SETFD = 2, F_GETFL = 3, F_SETFL = 4, F_GETLK = 5, F_SETLK = 6,
            F_SETLKW = 7, F_DUPFD_CLOEXEC = 1030, F_ADD_SEALS = 1033, F_GET_SEALS = 1034, F_SETPIPE_SZ = 1031, F_GETPIPE_SZ = 1032, FD_CLOEXEC = 1,
            F_OFD_GETLK = 36, F_OFD_SETLK = 37, F_OFD_SETLKW = 38,
            F_SETOWN = 8, F_GETOWN = 9, F_SETSIG = 10, F_GETSIG = 11, F_SETOWN_EX = 15, F_GETOWN_EX = 16;
    /** The status flags F_SETFL may change: O_APPEND, O_NONBLOCK, O_DIRECT, O_NOATIME, O_ASYNC. */
    private static final int SETFL_MASK = O_APPEND | O_NONBLOCK | O_DIRECT | O_NOATIME | O_ASYNC;

    static void register(SyscallTable t, Services s) {
        t.add(23, "dup", (k, task, fd, a1, a2, a3, a4, a5) -> dup(task, (int) fd), FD);
        t.add(24, "dup3", (k, task, fd, nfd, flags, a3, a4, a5) -> dup3(task, (int) fd, (int) nfd, (int) flags), FD, FD, FD_FLAGS);
        t.add(25, "fcntl", (k, task, fd, cmd, arg, a3, a4, a5) -> fcntl(k, s, task, (int) fd, (int) cmd, arg), FD, FCNTL_CMD, HEX);
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

    static long fcntl(Kernel k, Services s, Task t, int fd, int cmd, long arg) {
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
                int was = f.flags();
                // setfl: only the owner or CAP_FOWNER turns O_NOATIME on.
                if (((int) arg & O_NOATIME) != 0 && (was & O_NOATIME) == 0 && f.file().inode() != null
                        && !dev.vitrine.fs.Permission.ownerOrCapable(t.cred(), f.file().inode())) return -Errno.EPERM;
                f.setFlags((was & ~SETFL_MASK) | ((int) arg & SETFL_MASK));
                if (((was ^ f.flags()) & O_ASYNC) != 0) fasync(k, f, fd, (f.flags() & O_ASYNC) != 0);
                return 0;
            }
            case F_SETOWN -> {
                int who = (int) arg;
                if (who == Integer.MIN_VALUE) return -Errno.EINVAL;
                FileDescription.Owner o = who < 0 ? new FileDescription.Owner(FileDescription.Owner.F_OWNER_PGRP, -who)
                        : new FileDescription.Owner(FileDescription.Owner.F_OWNER_PID, who);
                return setOwner(k, f, o);
            }
            case F_GETOWN -> {
                FileDescription.Owner o = f.owner();
                return o.type() == FileDescription.Owner.F_OWNER_PGRP ? -o.pid() : o.pid();
            }
            case F_SETSIG -> {
                if (arg < 0 || arg > dev.vitrine.proc.Signals.NSIG) return -Errno.EINVAL;
                f.setSignal((int) arg);
                return 0;
            }
            case F_GETSIG -> { return f.signal(); }
            case SysLease.F_SETLEASE -> { return SysLease.set(k, s, t, fd, f, arg); }
            case SysLease.F_GETLEASE -> { return SysLease.get(k, f); }
            case F_SETOWN_EX -> {
                byte[] raw = new byte[8];
                if (!t.memory().read(arg, raw, 0, 8)) return -Errno.EFAULT;
                ByteBuffer b = Abi.buffer(8).put(raw).flip();
                int type = b.getInt(0), pid = b.getInt(4);
                if (type < FileDescription.Owner.F_OWNER_TID || type > FileDescription.Owner.F_OWNER_PGRP) return -Errno.EINVAL;
                return setOwner(k, f, new FileDescription.Owner(type, pid));
            }
            case F_GETOWN_EX -> {
                FileDescription.Owner o = f.owner();
                return t.memory().write(arg, Abi.buffer(8).putInt(0, o.type()).putInt(4, o.pid()).array()) ? 0 : -Errno.EFAULT;
            }
            case F_GETPIPE_SZ, F_SETPIPE_SZ -> {
                if (!(f.file() instanceof PipeEnd p)) return -Errno.EBADF;
                return cmd == F_GETPIPE_SZ ? p.pipe().capacity() : p.pipe().resize(arg);
            }
            case F_GETLK, F_SETLK, F_SETLKW, F_OFD_GETLK, F_OFD_SETLK, F_OFD_SETLKW -> { return lock(k, s, t, fd, f, cmd, arg); }
            case F_ADD_SEALS, F_GET_SEALS -> { return seals(k, f, cmd, (int) arg); }
            default -> { return -Errno.EINVAL; }
        }
    }

    /** f_setown: a pid that names nothing is ESRCH (0 clears the owner). */
    private static long setOwner(Kernel k, FileDescription f, FileDescription.Owner o) {
        if (o.pid() != 0 && !exists(k, o)) return -Errno.ESRCH;
        f.setOwner(o);
        return 0;
    }

    private static boolean exists(Kernel k, FileDescription.Owner o) {
        if (k.process(o.pid()) != null || k.thread(o.pid()) != null) return true;
        if (o.type() != FileDescription.Owner.F_OWNER_PGRP) return false;
        for (Process p : k.processes()) if (p.pgid() == o.pid()) return true;
        return false;
    }

    /** ->fasync: a pipe (or FIFO) end joins its readers' list if readable and its writers' if writable. */
    private static void fasync(Kernel k, FileDescription f, int fd, boolean on) {
        if (!(f.file() instanceof PipeEnd e)) return;   // files without ->fasync keep the flag and signal nothing
        Pipe p = e.pipe();
        dev.vitrine.fs.Fasync.Sender send = (d, dfd, reason) -> sigio(k, d, dfd, reason);
        if (f.readable()) { if (on) p.readersAsync().add(f, fd, send); else p.readersAsync().remove(f); }
        if (f.writable()) { if (on) p.writersAsync().add(f, fd, send); else p.writersAsync().remove(f); }
    }

    /** band_table: the poll bits si_band carries for POLL_IN..POLL_HUP. */
    private static final long[] BANDS = {0x41, 0x304, 0x441, 0x8, 0x82, 0x18};

    /**
     * send_sigio: the owner's F_SETSIG signal with a siginfo naming the descriptor and the
     * event, or plain SIGIO (SI_KERNEL) when none was set; to one thread, one process or
     * every process of a group.
     */
    static void sigio(Kernel k, FileDescription f, int fd, int reason) {
        FileDescription.Owner o = f.owner();
        if (o.pid() == 0) return;
        SigInfo info = f.signal() == 0 ? SigInfo.kill(Signals.SIGIO, SigInfo.SI_KERNEL, 0, 0)
                : SigInfo.poll(f.signal(), reason, BANDS[reason - 1], fd);
        switch (o.type()) {
            case FileDescription.Owner.F_OWNER_TID -> {
                Task t = k.thread(o.pid());
                if (t != null && t.state() != Task.State.DEAD) SignalDelivery.sendThread(k, t, info);
            }
            case FileDescription.Owner.F_OWNER_PID -> {
                Process p = k.process(o.pid());
                if (p != null) SignalDelivery.sendProcess(k, p, info);
            }
            default -> {
                for (Process p : k.processes()) if (p.pgid() == o.pid()) SignalDelivery.sendProcess(k, p, info);
            }
        }
    }

    /** memfd_fcntl: the seals of a memfd; EINVAL on any other file, EPERM once F_SEAL_SEAL is set or to write-seal a writable description. */
    private static long seals(Kernel k, FileDescription f, int cmd, int add) {
        if (!(f.file().inode() instanceof dev.vitrine.fs.RegularFile r) || r.seals() < 0) return -Errno.EINVAL;
        if (cmd == F_GET_SEALS) return r.seals();
        if (!f.writable()) return -Errno.EPERM;
        if ((add & ~0x1f) != 0) return -Errno.EINVAL;
        if ((r.seals() & dev.vitrine.fs.RegularFile.F_SEAL_SEAL) != 0) return -Errno.EPERM;
        // mapping_deny_writable: F_SEAL_WRITE while a shared mapping may still write the file is EBUSY
        if ((add & dev.vitrine.fs.RegularFile.F_SEAL_WRITE) != 0 && (r.seals() & dev.vitrine.fs.RegularFile.F_SEAL_WRITE) == 0)
            for (Process p : k.processes())
                if (p.space() != null)
                    for (dev.vitrine.mm.Vma v : p.space().vmas())
                        if (v.file() == r && v.shared() && v.mayWrite()) return -Errno.EBUSY;
        r.setSeals(r.seals() | add);
        return 0;
    }

    /**
     * struct flock: short type, short whence, (pad), off_t start, off_t len, pid_t pid: 32 bytes.
     * F_GETLK/F_SETLK/F_SETLKW lock for the process (its descriptor table), F_OFD_* for the
     * open file description (l_pid must be 0; a conflicting one reports l_pid -1).
     */
    private static long lock(Kernel k, Services s, Task t, int fd, FileDescription f, int cmd, long arg) {
        byte[] raw = new byte[32];
        if (!t.memory().read(arg, raw, 0, 32)) return -Errno.EFAULT;
        ByteBuffer b = Abi.buffer(32).put(raw).flip();
        int type = b.getShort(0), whence = b.getShort(2);
        long start = b.getLong(8), len = b.getLong(16);
        boolean ofd = cmd == F_OFD_GETLK || cmd == F_OFD_SETLK || cmd == F_OFD_SETLKW;
        boolean get = cmd == F_GETLK || cmd == F_OFD_GETLK, wait = cmd == F_SETLKW || cmd == F_OFD_SETLKW;
        Inode i = f.file().inode();
        if (i == null) return -Errno.EINVAL;
        // fcntl_getlk asks for a read or write lock, except F_OFD_GETLK (with F_UNLCK: which lock of mine is there)
        if (cmd == F_GETLK && type != Locks.F_RDLCK && type != Locks.F_WRLCK) return -Errno.EINVAL;
        if (ofd && b.getInt(24) != 0) return -Errno.EINVAL;
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> f.offset();
            case 2 -> i.size();
            default -> -1;
        };
        // flock64_to_posix_lock, in its order: a range past OFFSET_MAX is EOVERFLOW, one before 0 EINVAL
        if (base < 0) return -Errno.EINVAL;
        if (start > Long.MAX_VALUE - base) return -Errno.EOVERFLOW;
        long st = base + start, e;
        if (st < 0) return -Errno.EINVAL;
        if (len > 0) {
            if (len - 1 > Long.MAX_VALUE - st) return -Errno.EOVERFLOW;
            e = st + len - 1;
        } else if (len < 0) {
            if (st + len < 0) return -Errno.EINVAL;
            e = st - 1;
            st += len;
        } else e = Long.MAX_VALUE;
        if (type < 0 || type > 2) return -Errno.EINVAL;
        if (!get) {
            if (type == Locks.F_RDLCK && !f.readable() || type == Locks.F_WRLCK && !f.writable()) return -Errno.EBADF;
        }
        Object owner = ofd ? f : t.fds();
        Locks locks = i.locks();
        locks.setWakeup(s.vfs().wakeup());
        Locks.Lock c = type != Locks.F_UNLCK ? locks.conflict(owner, type, st, e) : get ? locks.own(owner, st, e) : null;
        if (get) {
            ByteBuffer out = Abi.buffer(32);
            // fcntl_getlk: with nothing in the way only l_type changes (F_UNLCK); the caller's other fields stay
            if (c == null) return t.memory().write(arg, new byte[] {(byte) Locks.F_UNLCK, 0}) ? 0 : -Errno.EFAULT;
            else out.putShort(0, (short) c.type()).putShort(2, (short) 0).putLong(8, c.start())
                    .putLong(16, c.end() == Long.MAX_VALUE ? 0 : c.end() - c.start() + 1).putInt(24, c.pid());
            return t.memory().write(arg, out.array()) ? 0 : -Errno.EFAULT;
        }
        if (c != null) {
            if (!wait) { s.lockWaits.done(t); return -Errno.EAGAIN; }
            // posix_lock_inode: a wait that would close a cycle of POSIX waiters is refused (OFD locks are not checked)
            if (!ofd && s.lockWaits.deadlock(owner, c)) { s.lockWaits.done(t); return -Errno.EDEADLK; }
            k.sleep(t, locks, "fcntl(" + fd + (ofd ? ", F_OFD_SETLKW): " : ", F_SETLKW): ")
                    + (c.pid() == Locks.OFD_PID ? "an open file description" : "pid " + c.pid()) + " holds a conflicting lock");
            if (!ofd) s.lockWaits.sleeps(t, owner, c, locks);
            return Syscall.RESTART;
        }
        s.lockWaits.done(t);
        locks.set(owner, ofd ? Locks.OFD_PID : t.pid(), type, st, e);
        return 0;
    }
}
