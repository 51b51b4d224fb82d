package dev.vitrine.sys;

import dev.vitrine.fs.Dir;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.Permission;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;

/** What the path calls share: reading a path argument, the *at() directory, permission checks. */
final class SysPathUtil {
    private SysPathUtil() {}

    static String path(Task t, long va) {
        if (va == 0) throw new FsException(Errno.EFAULT);
        // One char per byte (fs.Names): a name of any bytes reaches the file system unchanged.
        String p = t.memory().readCString(va, Namei.PATH_MAX);
        if (p == null) throw new FsException(readable(t, va, Namei.PATH_MAX) ? Errno.ENAMETOOLONG : Errno.EFAULT);
        return p;
    }

    /**
     * Whether {@code n} bytes at {@code va} can be read: after readCString found no NUL within
     * its limit, this tells strncpy_from_user's two failures apart (a fault before any NUL is
     * EFAULT, a limit's worth of bytes without one is too long).
     */
    static boolean readable(Task t, long va, int n) { return t.memory().read(va, new byte[n], 0, n); }

    static Namei.From from(Task t, Vfs v) { return new Namei.From(root(t, v), cwd(t, v), t.pid(), t.cred()); }

    /** Where "/" leads for the task: its chroot, else the machine's root. */
    static Dir root(Task t, Vfs v) { return t.fds().root() != null ? t.fds().root() : v.root(); }

    static Dir cwd(Task t, Vfs v) { return t.fds().cwd() != null ? t.fds().cwd() : v.root(); }

    /** The directory a relative path in an *at() call starts from. */
    static Dir dirAt(Task t, Vfs v, int dirfd, String path) {
        if (path.isEmpty()) throw new FsException(Errno.ENOENT);   // getname: an empty name, before dirfd is looked at
        if (dirfd == AT_FDCWD || path.startsWith("/")) return cwd(t, v);
        FileDescription f = t.fds().get(dirfd);
        if (f == null) throw new FsException(Errno.EBADF);
        if (!(f.file().inode() instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
        return d;
    }

    static Namei.Found walk(Task t, Vfs v, int dirfd, String path, boolean follow) {
        return Namei.walk(from(t, v), dirAt(t, v, dirfd, path), path, follow);
    }

    /** generic_permission for the task's credentials. want: 4 r, 2 w, 1 x. */
    static boolean permits(Task t, Inode i, int want) { return Permission.permits(t.cred(), i, want); }

    static void need(Task t, Inode i, int want) { if (!permits(t, i, want)) throw new FsException(Errno.EACCES); }

    /** Creating or removing a name needs write and search on the directory, and a writable tree. */
    static void canModify(Task t, Dir d) {
        if (d.readOnly()) throw new FsException(Errno.EROFS);
        need(t, d, 3);
    }

    /** may_delete: canModify, then a sticky directory keeps others' names (EPERM). */
    static void mayDelete(Task t, Dir d, Inode victim) {
        canModify(t, d);
        if (Permission.stickyDenies(t.cred(), d, victim)) throw new FsException(Errno.EPERM);
    }

    /** A new name's inode: the creator's (or a set-gid directory's) owner and group. */
    static <I extends Inode> I owned(Task t, Dir parent, I i) {
        if (i != null) Permission.initOwner(t.cred(), parent, i);
        return i;
    }
}
