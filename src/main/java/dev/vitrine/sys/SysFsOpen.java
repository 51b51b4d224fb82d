package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.fs.Device;
import dev.vitrine.fs.Dir;
import dev.vitrine.fs.DirFile;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Fifo;
import dev.vitrine.fs.File;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.PathFile;
import dev.vitrine.fs.ProcStore;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.fs.Snapshot;
import dev.vitrine.fs.SocketNode;
import dev.vitrine.fs.Symlink;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.sys.SysPathUtil.*;
import static dev.vitrine.abi.Fcntl.*;

/** openat (Linux's do_filp_open), close and close_range. */
final class SysFsOpen {
    private SysFsOpen() {}

    private static final int CLOSE_RANGE_CLOEXEC = 4, CLOSE_RANGE_UNSHARE = 2;

    static void register(SyscallTable t, Services s) {
        t.add(56, "openat", (k, task, dirfd, p, flags, mode, a4, a5) -> openat(k, s.vfs(), task, (int) dirfd, p, (int) flags, (int) mode), FD, STR, OPEN_FLAGS, MODE);
        t.add(57, "close", (k, task, fd, a1, a2, a3, a4, a5) -> task.fds().close((int) fd) ? 0 : -Errno.EBADF, FD);
        t.add(436, "close_range", (k, task, first, last, flags, a3, a4, a5) -> closeRange(task, first, last, (int) flags), UINT, UINT, FLAGS);
    }

    static long openat(Kernel k, Vfs v, Task t, int dirfd, long pathVa, int flags, int mode) {
        String path = path(t, pathVa);
        if ((flags & O_TMPFILE) != 0) return tmpfile(t, v, dirfd, path, flags, mode);
        boolean opath = (flags & O_PATH) != 0;
        if (opath) flags &= O_DIRECTORY | O_NOFOLLOW | O_PATH | O_CLOEXEC;
        int acc = flags & Fcntl.O_ACCMODE;
        if (acc == 3) return -Errno.EINVAL;
        boolean creat = (flags & O_CREAT) != 0, excl = (flags & O_EXCL) != 0;
        boolean follow = (flags & O_NOFOLLOW) == 0 && !(creat && excl);
        Namei.Found f = walk(t, v, dirfd, path, follow);
        if (f.through() != null && !opath) return reopen(t, f.through(), flags);
        Inode i = f.inode();
        boolean created = false;
        if (i == null) {
            if (!creat) throw new FsException(Errno.ENOENT);
            if (f.trailingSlash()) throw new FsException(Errno.EISDIR);
            canModify(t, f.parent());
            RegularFile r = owned(t, f.parent(), f.parent().createFile(f.name(), mode & ~t.fds().umask() & 07777));
            i = r;
            created = true;
        } else {
            if (creat && excl) throw new FsException(Errno.EEXIST);
            if (i instanceof Symlink && !opath) throw new FsException(Errno.ELOOP);
            if (f.trailingSlash() && !(i instanceof Dir)) throw new FsException(Errno.ENOTDIR);
            if ((flags & O_DIRECTORY) != 0 && !(i instanceof Dir)) throw new FsException(Errno.ENOTDIR);
            if (i instanceof Dir && !opath && (acc != Fcntl.O_RDONLY || creat)) throw new FsException(Errno.EISDIR);
        }
        String name = absolute(v, f);
        int keep = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
        if (opath) return install(t, new FileDescription(new PathFile(i), keep).withPath(name), flags);
        if (!created) {
            // build_open_flags: O_TRUNC asks for write permission whatever the access mode; sb_permission's EROFS comes first.
            boolean write = acc != Fcntl.O_RDONLY || (flags & O_TRUNC) != 0 && i instanceof RegularFile;
            if (write && i.readOnly() && !(i instanceof Device)) throw new FsException(Errno.EROFS);
            if (acc != Fcntl.O_WRONLY) need(t, i, 4);
            if (write) need(t, i, 2);
            // may_open: O_NOATIME only for the owner or CAP_FOWNER
            if ((flags & O_NOATIME) != 0 && !dev.vitrine.fs.Permission.ownerOrCapable(t.cred(), i)) throw new FsException(Errno.EPERM);
            // get_write_access: a running program's file takes no writer
            if ((acc != Fcntl.O_RDONLY || (flags & O_TRUNC) != 0) && i instanceof RegularFile && k.runsProgram(i))
                throw new FsException(Errno.ETXTBSY);
            if (i instanceof RegularFile) {
                long lease = SysLease.breakOnOpen(k, t, i, flags, path);   // do_dentry_open's break_lease
                if (lease != 0) return lease;
            }
        }
        File file;
        if (i instanceof RegularFile r && r.store() instanceof ProcStore p) {
            if (!p.mayOpen(t.cred(), t.pid())) throw new FsException(Errno.EACCES);
            file = new Snapshot(r, p.generate(), v.pager() == null ? null : v.pager().kernelMemory());
        } else if (i instanceof RegularFile r && r.store() instanceof dev.vitrine.fs.ProcPagemap pm) {
            if (!pm.mayOpen(t.cred(), t.pid())) throw new FsException(Errno.EACCES);
            file = pm.open(r, capSysAdmin(t));
        }
        else if (i instanceof RegularFile r) {
            if ((flags & O_TRUNC) != 0 && !created) {
                if (r.readOnly()) throw new FsException(Errno.EROFS);
                r.truncate(0);
                int kill = dev.vitrine.fs.Permission.killOnWrite(t.cred(), r);   // do_truncate's ATTR_KILL_SUID/SGID
                if (kill != 0) r.chmod(r.perm() & ~kill, v.now());
            }
            if (r.name().isEmpty()) r.setName(name);
            file = new OpenFile(r, acc != Fcntl.O_RDONLY);
        } else if (i instanceof Dir d) file = new DirFile(d);
        else if (i instanceof Device d) {
            file = d.major() == 5 && d.minor() == 0 ? controllingTerminal(k, t, d) : d.open();
            SysPty.opened(k, t, file, flags);
        }
        else if (i instanceof SocketNode) throw new FsException(Errno.ENXIO);
        else if (i instanceof Fifo fifo) {
            try {
                file = fifo.open(t, () -> t.state() != Task.State.DEAD, acc, (flags & O_NONBLOCK) != 0);
            } catch (FsException e) {
                if (e != Fifo.MUST_WAIT) throw e;
                t.setContinuation(new Continuation.FifoOpen(fifo));   // a handler or death cuts the wait short
                k.sleep(t, fifo.channel(), "open(\"" + path + "\", " + (acc == 0 ? "O_RDONLY" : "O_WRONLY") + "): "
                        + (acc == 0 ? "no writer has it open" : "no reader has it open"));
                return Syscall.RESTART;
            }
        } else throw new FsException(Errno.ELOOP);
        int keepLarge = file.seekable() || i instanceof Dir ? keep | O_LARGEFILE : keep;
        return install(t, new FileDescription(file, keepLarge).withPath(name), flags);
    }

    /**
     * An open of /proc/PID/fd/N (so /dev/stdin, /dev/stdout, /dev/stderr) whose file has no name
     * in the tree: a pipe gives a new end of the same pipe (fifo_open on the pipe's inode), the
     * console the same host stream; anything else (a socket, an eventfd) is ENXIO, as sockets'
     * open is on Linux.
     */
    private static long reopen(Task t, FileDescription d, int flags) {
        int acc = flags & O_ACCMODE;
        if (acc == 3) return -Errno.EINVAL;
        File again;
        if (d.file() instanceof dev.vitrine.fs.PipeEnd p && !p.isFifo()) again = p.reopen(acc != O_WRONLY, acc != O_RDONLY);
        else if (d.file() instanceof dev.vitrine.fs.Console c) again = c;
        else throw new FsException(Errno.ENXIO);
        int keep = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
        return install(t, new FileDescription(again, keep).withPath(d.path()), flags);
    }

    /**
     * /dev/tty (tty_open_current_tty): the caller's controlling terminal. A pty when its session
     * has one; the console for the first program's session; nothing (ENXIO) for a session
     * without one, as after setsid.
     */
    private static File controllingTerminal(Kernel k, Task t, Device d) {
        dev.vitrine.fs.Pty pty = dev.vitrine.proc.Ctty.of(k, t);
        if (pty != null) return pty.openSlave(d);
        if (t.process().sid() != 0 || dev.vitrine.proc.Ctty.dropped(t)) throw new FsException(Errno.ENXIO);
        return d.open();
    }

    /**
     * do_tmpfile: O_TMPFILE (which carries O_DIRECTORY, excludes O_CREAT and wants write
     * access) makes a regular file in the named directory's file system under no name; linkat
     * may name it later (through /proc/self/fd/N, AT_SYMLINK_FOLLOW) unless O_EXCL was given.
     */
    private static long tmpfile(Task t, Vfs v, int dirfd, String path, int flags, int mode) {
        if ((flags & (O_TMPFILE | O_DIRECTORY | O_CREAT)) != (O_TMPFILE | O_DIRECTORY)) return -Errno.EINVAL;
        int acc = flags & Fcntl.O_ACCMODE;
        if (acc != Fcntl.O_WRONLY && acc != Fcntl.O_RDWR) return -Errno.EINVAL;
        Namei.Found f = walk(t, v, dirfd, path, (flags & O_NOFOLLOW) == 0);
        if (f.inode() == null) throw new FsException(Errno.ENOENT);
        if (!(f.inode() instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
        canModify(t, d);
        RegularFile r = owned(t, d, d.createTmpFile(mode & ~t.fds().umask() & 07777));
        r.setLinkable((flags & O_EXCL) == 0);
        String dir;
        try {
            dir = Namei.pathOf(v.root(), d);
        } catch (FsException e) {
            dir = "";
        }
        String name = (dir.equals("/") ? "" : dir) + "/#" + r.ino() + " (deleted)";
        r.setName(name);
        int keep = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
        return install(t, new FileDescription(new OpenFile(r), keep | O_LARGEFILE).withPath(name), flags);
    }

    private static long install(Task t, FileDescription d, int flags) {
        int fd = t.fds().allocate(d, 0, (flags & O_CLOEXEC) != 0);
        if (fd < 0) d.release();
        return fd;
    }

    /** The absolute name an open file shows in /proc/PID/fd. */
    private static String absolute(Vfs v, Namei.Found f) {
        String dir;
        try {
            dir = Namei.pathOf(v.root(), f.parent());
        } catch (FsException e) {
            return f.name();
        }
        if (f.inode() instanceof Dir d && d != f.parent() || f.name().equals(".") || f.name().equals("..")) {
            if (f.inode() instanceof Dir d) {
                try {
                    return Namei.pathOf(v.root(), d);
                } catch (FsException e) {
                    return dir;
                }
            }
        }
        return dir.equals("/") ? "/" + f.name() : dir + "/" + f.name();
    }

    static long closeRange(Task t, long first, long last, int flags) {
        if ((flags & ~(CLOSE_RANGE_CLOEXEC | CLOSE_RANGE_UNSHARE)) != 0) return -Errno.EINVAL;
        long lo = first & 0xffff_ffffL, hi = last & 0xffff_ffffL;
        if (lo > hi) return -Errno.EINVAL;
        t.fds().closeRange((int) Math.min(lo, Integer.MAX_VALUE), (int) Math.min(hi, Integer.MAX_VALUE), (flags & CLOSE_RANGE_CLOEXEC) != 0);
        return 0;
    }

    /** CAP_SYS_ADMIN in the opener's effective set: pagemap's frame numbers (root has every capability). */
    static boolean capSysAdmin(Task t) { return t.cred().capable(dev.vitrine.abi.Cred.CAP_SYS_ADMIN); }
}
