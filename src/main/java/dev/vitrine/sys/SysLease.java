package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Fasync;
import dev.vitrine.fs.FdTable;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Locks;
import dev.vitrine.fs.PathFile;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static dev.vitrine.abi.Fcntl.O_ACCMODE;
import static dev.vitrine.abi.Fcntl.O_NONBLOCK;
import static dev.vitrine.abi.Fcntl.O_RDONLY;
import static dev.vitrine.fs.Locks.F_RDLCK;
import static dev.vitrine.fs.Locks.F_UNLCK;
import static dev.vitrine.fs.Locks.F_WRLCK;

/**
 * File leases (fs/locks.c): F_SETLEASE/F_GETLEASE, and the break an open starts. A read
 * lease needs the file open for writing nowhere, a write lease no open but the caller's.
 * An open that conflicts (any open with a write lease, a write open with any lease) signals
 * the holder (its F_SETSIG signal with POLL_MSG, else SIGIO), then fails with EWOULDBLOCK
 * under O_NONBLOCK or waits until the holder gives the lease up or downgrades it, at most
 * lease-break-time (45 s), after which the kernel does it.
 */
final class SysLease {
    private SysLease() {}

    static final int F_SETLEASE = 1024, F_GETLEASE = 1025;
    /** /proc/sys/fs/lease-break-time's default. */
    static final long LEASE_BREAK_NS = 45_000_000_000L;

    /** generic_setlease through fcntl_setlease; the caller becomes the description's F_SETOWN owner (lease_setup). */
    static long set(Kernel k, Services s, Task t, int fd, FileDescription f, long arg) {
        int type = (int) arg;
        if (arg != type || type != F_RDLCK && type != F_WRLCK && type != F_UNLCK) return -Errno.EINVAL;
        if (!(f.file().inode() instanceof RegularFile i)) return -Errno.EINVAL;
        Cred c = t.cred();
        if (i.uid() != c.fsuid() && !c.capable(Cred.CAP_LEASE)) return -Errno.EACCES;
        Locks locks = i.locks();
        locks.setWakeup(s.vfs().wakeup());
        locks.timeOutLeases(k.clock().now());
        if (type == F_UNLCK) {
            if (locks.lease(f) == null) return -Errno.EAGAIN;
            locks.setLease(f, fd, F_UNLCK);
            return 0;
        }
        // check_conflicting_open: a read lease wants no writer anywhere, a write lease no other open
        for (FileDescription d : opens(k, i))
            if (type == F_RDLCK ? d.writable() : d != f) return -Errno.EAGAIN;
        // generic_add_lease: another's lease stops a write lease; one being given up stops any
        for (Locks.Lease l : locks.leases()) {
            if (l.owner() == f) continue;
            if (type == F_WRLCK || l.breaking() && l.target() == F_UNLCK) return -Errno.EAGAIN;
        }
        locks.setLease(f, fd, type);
        f.setOwner(new FileDescription.Owner(FileDescription.Owner.F_OWNER_PID, t.pid()));
        return 0;
    }

    /** fcntl_getlease: the lease's type, or what a break will make of it; F_UNLCK without one. */
    static long get(Kernel k, FileDescription f) {
        Inode i = f.file().inode();
        if (i == null || !i.hasLocks()) return F_UNLCK;
        i.locks().timeOutLeases(k.clock().now());
        Locks.Lease l = i.locks().lease(f);
        return l == null ? F_UNLCK : l.reported();
    }

    /**
     * __break_lease at open: 0 to go on, -EWOULDBLOCK under O_NONBLOCK, or RESTART once the
     * opener sleeps until a lease in the way yields or its break time passes.
     */
    static long breakOnOpen(Kernel k, Task t, Inode i, int flags, String path) {
        if (!i.hasLocks()) return 0;
        Locks locks = i.locks();
        long now = k.clock().now();
        locks.timeOutLeases(now);
        boolean write = (flags & O_ACCMODE) != O_RDONLY;
        long deadline = Long.MAX_VALUE;
        boolean any = false;
        for (Locks.Lease l : locks.leases()) {
            if (!write && l.type() != F_WRLCK) continue;   // leases_conflict
            any = true;
            boolean signal = write ? !(l.breaking() && l.target() == F_UNLCK) : !l.breaking();
            if (signal) {
                l.startBreak(write ? F_UNLCK : F_RDLCK, now + LEASE_BREAK_NS);
                SysFcntl.sigio(k, l.owner(), l.fd(), Fasync.POLL_MSG);   // lease_break_callback
            }
            deadline = Math.min(deadline, l.deadline());
        }
        if (!any) return 0;
        if ((flags & O_NONBLOCK) != 0) return -Errno.EAGAIN;
        k.sleepTimed(t, locks, deadline, "open(\"" + path + "\"): waiting for the holder of a lease to give it up");
        return Syscall.RESTART;
    }

    /** The open file descriptions of inode {@code i} in any process (what i_readcount and i_writecount count). */
    private static List<FileDescription> opens(Kernel k, Inode i) {
        Map<FdTable, Boolean> seen = new IdentityHashMap<>();
        Map<FileDescription, Boolean> found = new IdentityHashMap<>();
        List<FileDescription> out = new ArrayList<>();
        for (Task t : k.tasks()) {
            FdTable fds = t.fds();
            if (fds == null || seen.put(fds, Boolean.TRUE) != null) continue;
            for (int fd : fds.openFds()) {
                FileDescription d = fds.get(fd);
                if (d != null && !(d.file() instanceof PathFile) && d.file().inode() == i && found.put(d, Boolean.TRUE) == null) out.add(d);
            }
        }
        return out;
    }
}
