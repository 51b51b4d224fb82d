package dev.vitrine.sys;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.abi.Cred;
import dev.vitrine.fs.Dir;
import dev.vitrine.fs.DirFile;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.Permission;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.fs.Stat;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.sys.SysPathUtil.*;
import static dev.vitrine.abi.Fcntl.*;

/** stat and friends, getdents64, access, chmod, utimensat, truncate, fsync. */
final class SysFsStat {
    private SysFsStat() {}

    private static final int STATX_BASIC_STATS = 0x7ff, AT_STATX_SYNC_TYPE = 0x6000, AT_EACCESS = 0x200;
    private static final long UTIME_NOW = (1L << 30) - 1, UTIME_OMIT = (1L << 30) - 2;

    static void register(SyscallTable t, Services s) {
        t.add(80, "fstat", (k, task, fd, buf, a2, a3, a4, a5) -> fstat(task, (int) fd, buf), FD, STAT_OUT);
        t.add(79, "newfstatat", (k, task, dirfd, p, buf, flags, a4, a5) -> newfstatat(s.vfs(), task, (int) dirfd, p, buf, (int) flags), FD, STR, STAT_OUT, AT_FLAGS);
        t.add(291, "statx", (k, task, dirfd, p, flags, mask, buf, a5) -> statx(s.vfs(), task, (int) dirfd, p, (int) flags, buf), FD, STR, AT_FLAGS, FLAGS, PTR);
        t.add(61, "getdents64", (k, task, fd, buf, n, a3, a4, a5) -> getdents64(task, (int) fd, buf, n), FD, DIRENTS_OUT, UINT);
        t.add(48, "faccessat", (k, task, dirfd, p, mode, a3, a4, a5) -> faccessat(s.vfs(), task, (int) dirfd, p, (int) mode, 0), FD, STR, ACCESS_MODE);
        t.add(439, "faccessat2", (k, task, dirfd, p, mode, flags, a4, a5) -> faccessat(s.vfs(), task, (int) dirfd, p, (int) mode, (int) flags), FD, STR, ACCESS_MODE, AT_FLAGS);
        t.add(52, "fchmod", (k, task, fd, mode, a2, a3, a4, a5) -> chmod(s.vfs(), task, openInodeOf(task, (int) fd), (int) mode), FD, MODE);
        t.add(53, "fchmodat", (k, task, dirfd, p, mode, a3, a4, a5) -> chmod(s.vfs(), task, walk(task, s.vfs(), (int) dirfd, path(task, p), true).need(), (int) mode), FD, STR, MODE);
        t.add(88, "utimensat", (k, task, dirfd, p, times, flags, a4, a5) -> utimensat(s.vfs(), task, (int) dirfd, p, times, (int) flags), FD, STR, PTR, AT_FLAGS);
        t.add(45, "truncate", (k, task, p, len, a2, a3, a4, a5) -> truncate(k, s.vfs(), task, p, len), STR, POS);
        t.add(46, "ftruncate", (k, task, fd, len, a2, a3, a4, a5) -> ftruncate(k, task, (int) fd, len), FD, POS);
        t.add(82, "fsync", (k, task, fd, a1, a2, a3, a4, a5) -> fsync(task, (int) fd), FD);
        t.add(83, "fdatasync", (k, task, fd, a1, a2, a3, a4, a5) -> fsync(task, (int) fd), FD);
        // As fsync here: success without a write-back of its own (the page cache writes back on munmap, msync and eviction).
        t.add(81, "sync", (k, task, a0, a1, a2, a3, a4, a5) -> 0);
        t.add(267, "syncfs", (k, task, fd, a1, a2, a3, a4, a5) -> task.fds().get((int) fd) == null ? -Errno.EBADF : 0, FD);
    }

    private static FileDescription desc(Task t, int fd) {
        FileDescription f = t.fds().get(fd);
        if (f == null) throw new FsException(Errno.EBADF);
        return f;
    }

    private static Inode inodeOf(Task t, int fd) {
        Inode i = desc(t, fd).file().inode();
        if (i == null) throw new FsException(Errno.EPERM);
        return i;
    }

    /** fchmod's fdget: an O_PATH descriptor is no open file (EBADF). */
    private static Inode openInodeOf(Task t, int fd) {
        if (desc(t, fd).file() instanceof dev.vitrine.fs.PathFile) throw new FsException(Errno.EBADF);
        return inodeOf(t, fd);
    }

    static long fstat(Task t, int fd, long buf) {
        return t.memory().write(buf, Abi.stat(desc(t, fd).file().stat())) ? 0 : -Errno.EFAULT;
    }

    /** stat of a path, or of dirfd itself for "" with AT_EMPTY_PATH. */
    private static Stat statAt(Vfs v, Task t, int dirfd, long pathVa, int flags) {
        String path = path(t, pathVa);
        if (path.isEmpty()) {
            if ((flags & AT_EMPTY_PATH) == 0) throw new FsException(Errno.ENOENT);
            if (dirfd == AT_FDCWD) return cwd(t, v).stat();
            return desc(t, dirfd).file().stat();
        }
        return walk(t, v, dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) == 0).need().stat();
    }

    static long newfstatat(Vfs v, Task t, int dirfd, long pathVa, long buf, int flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800)) != 0) return -Errno.EINVAL;
        return t.memory().write(buf, Abi.stat(statAt(v, t, dirfd, pathVa, flags))) ? 0 : -Errno.EFAULT;
    }

    static long statx(Vfs v, Task t, int dirfd, long pathVa, int flags, long buf) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | 0x800 | AT_STATX_SYNC_TYPE)) != 0
                || (flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE) return -Errno.EINVAL;
        return t.memory().write(buf, Abi.statx(statAt(v, t, dirfd, pathVa, flags), STATX_BASIC_STATS)) ? 0 : -Errno.EFAULT;
    }

    /** Entries are ".", "..", then the directory's names in order; d_off is the index of the next one. */
    static long getdents64(Task t, int fd, long buf, long count) {
        FileDescription f = desc(t, fd);
        if (!(f.file() instanceof DirFile df)) return -Errno.ENOTDIR;
        Dir d = df.dir();
        List<Dir.Entry> names = d.entries();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long pos = f.offset();
        while (pos < names.size() + 2) {
            String name;
            Inode i;
            if (pos == 0) { name = "."; i = d; }
            else if (pos == 1) { name = ".."; i = d.parent(); }
            else { Dir.Entry e = names.get((int) pos - 2); name = e.name(); i = e.inode(); }
            byte[] rec = Abi.dirent64(i.ino(), pos + 1, dtype(i), dev.vitrine.fs.Names.bytes(name));
            if (out.size() + rec.length > count) {
                if (out.size() == 0) return -Errno.EINVAL;
                break;
            }
            out.writeBytes(rec);
            pos++;
        }
        if (out.size() > 0 && !t.memory().write(buf, out.toByteArray())) return -Errno.EFAULT;
        f.setOffset(pos);
        return out.size();
    }

    private static int dtype(Inode i) { return (i.type() >> 12) & 15; }

    static long faccessat(Vfs v, Task t, int dirfd, long pathVa, int mode, int flags) {
        if ((mode & ~7) != 0 || (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        // access_override_creds: the real ids decide (the lookup's search permission too) unless AT_EACCESS.
        Cred c = (flags & AT_EACCESS) != 0 ? t.cred() : t.cred().forAccess();
        String path = path(t, pathVa);
        Inode i;
        if (path.isEmpty() && (flags & AT_EMPTY_PATH) != 0) i = dirfd == AT_FDCWD ? cwd(t, v) : inodeOf(t, dirfd);   // LOOKUP_EMPTY: dirfd itself
        else i = Namei.walk(new Namei.From(root(t, v), cwd(t, v), t.pid(), c), dirAt(t, v, dirfd, path), path,
                (flags & AT_SYMLINK_NOFOLLOW) == 0).need();
        if ((mode & 2) != 0 && i.readOnly() && !(i.type() == Stat.S_IFCHR)) return -Errno.EROFS;
        return Permission.permits(c, i, mode) ? 0 : -Errno.EACCES;
    }

    /** chmod_common and setattr_prepare: the owner or CAP_FOWNER; S_ISGID stays only for a member of the file's group or CAP_FSETID. */
    static long chmod(Vfs v, Task t, Inode i, int mode) {
        if (i.readOnly()) return -Errno.EROFS;
        Cred c = t.cred();
        if (!Permission.ownerOrCapable(c, i)) return -Errno.EPERM;
        if ((mode & Permission.S_ISGID) != 0 && !Permission.inGroupOrCapable(c, i.gid())) mode &= ~Permission.S_ISGID;
        i.chmod(mode, v.now());
        return 0;
    }

    static long utimensat(Vfs v, Task t, int dirfd, long pathVa, long times, int flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        Inode i;
        if (pathVa == 0) i = dirfd == AT_FDCWD ? cwd(t, v) : inodeOf(t, dirfd);
        else {
            String path = path(t, pathVa);
            if (path.isEmpty() && (flags & AT_EMPTY_PATH) != 0) i = dirfd == AT_FDCWD ? cwd(t, v) : inodeOf(t, dirfd);
            else i = walk(t, v, dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) == 0).need();
        }
        long now = v.now(), a = now, m = now;
        if (times != 0) {
            Long as = t.memory().readLong(times), an = t.memory().readLong(times + 8);
            Long ms = t.memory().readLong(times + 16), mn = t.memory().readLong(times + 24);
            if (as == null || an == null || ms == null || mn == null) return -Errno.EFAULT;
            a = time(as, an, now, i.atime());
            m = time(ms, mn, now, i.mtime());
            if (a == Long.MIN_VALUE || m == Long.MIN_VALUE) return -Errno.EINVAL;
        }
        if (i.readOnly()) return -Errno.EROFS;
        // may_setattr: touching (no times, or both UTIME_NOW) needs ownership, CAP_FOWNER or write
        // permission (EACCES); setting a time needs ownership or CAP_FOWNER (EPERM).
        boolean touch = times == 0 || a == now && m == now && touchesOnly(t, times);
        boolean set = !touch && !bothOmit(t, times);
        if ((touch || set) && !Permission.ownerOrCapable(t.cred(), i)) {
            if (set) return -Errno.EPERM;
            if (!permits(t, i, 2)) return -Errno.EACCES;
        }
        i.setTimes(a, m, now);
        return 0;
    }

    private static long time(long sec, long nsec, long now, long old) {
        if (nsec == UTIME_NOW) return now;
        if (nsec == UTIME_OMIT) return old;
        if (nsec < 0 || nsec >= 1_000_000_000L) return Long.MIN_VALUE;
        return sec * 1_000_000_000L + nsec;
    }

    static long truncate(Kernel k, Vfs v, Task t, long pathVa, long len) {
        Inode i = walk(t, v, AT_FDCWD, path(t, pathVa), true).need();
        if (i instanceof Dir) return -Errno.EISDIR;
        if (!(i instanceof RegularFile r)) return -Errno.EINVAL;
        if (len < 0) return -Errno.EINVAL;
        if (r.readOnly()) return -Errno.EROFS;
        need(t, r, 2);
        if (k.runsProgram(r)) return -Errno.ETXTBSY;   // get_write_access: a running program's file
        return resize(k, t, r, len);
    }

    static long ftruncate(Kernel k, Task t, int fd, long len) {
        FileDescription f = desc(t, fd);
        if (len < 0) return -Errno.EINVAL;
        if (!(f.file() instanceof OpenFile of) || !f.writable()) return -Errno.EINVAL;
        RegularFile r = (RegularFile) of.inode();
        if (r.readOnly()) return -Errno.EROFS;
        return resize(k, t, r, len);
    }

    /** inode_newsize_ok: growing past RLIMIT_FSIZE is SIGXFSZ and EFBIG; the file is sparse, so growth takes no space. */
    private static long resize(Kernel k, Task t, RegularFile r, long len) {
        long limit = t.rlimCur()[Rlimit.FSIZE];
        if (len > r.size() && limit != -1 && Long.compareUnsigned(len, limit) > 0) {
            k.signal(t, dev.vitrine.proc.Signals.SIGXFSZ);
            return -Errno.EFBIG;
        }
        r.truncate(len);
        int kill = Permission.killOnWrite(t.cred(), r);   // do_truncate: dentry_needs_remove_privs
        if (kill != 0) r.chmod(r.perm() & ~kill, r.mtime());
        return 0;
    }

    /** Both times UTIME_NOW: a touch, as NULL is. */
    private static boolean touchesOnly(Task t, long times) {
        Long an = t.memory().readLong(times + 8), mn = t.memory().readLong(times + 24);
        return an != null && mn != null && an == UTIME_NOW && mn == UTIME_NOW;
    }

    private static boolean bothOmit(Task t, long times) {
        Long an = t.memory().readLong(times + 8), mn = t.memory().readLong(times + 24);
        return an != null && mn != null && an == UTIME_OMIT && mn == UTIME_OMIT;
    }

    static long fsync(Task t, int fd) {
        FileDescription f = t.fds().get(fd);
        if (f == null) return -Errno.EBADF;
        return f.file().inode() instanceof RegularFile || f.file().inode() instanceof Dir ? 0 : -Errno.EINVAL;
    }
}
