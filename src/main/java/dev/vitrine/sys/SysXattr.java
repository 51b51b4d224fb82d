package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Permission;
import dev.vitrine.fs.Stat;
import dev.vitrine.fs.Xattrs;
import dev.vitrine.proc.Task;

import java.io.ByteArrayOutputStream;

import static dev.vitrine.abi.Fcntl.AT_FDCWD;
import static dev.vitrine.sys.Arg.*;

/**
 * The xattr calls (fs/xattr.c) on the in-memory tree as Linux 6.6+'s tmpfs keeps them:
 * user.* on regular files and directories (the inode's read or write permission; a sticky
 * directory's only for its owner), trusted.* for CAP_SYS_ADMIN (others: EPERM to set, ENODATA
 * to get), security.* readable by all and set by CAP_SYS_ADMIN; system.* (POSIX ACLs) and
 * unknown prefixes are EOPNOTSUPP, as are files with no xattrs here (procfs, pipes, sockets,
 * a --mount's host files; listing them gives nothing). Names 1..255 bytes (ERANGE), values up
 * to 64 KiB (E2BIG).
 */
final class SysXattr {
    private SysXattr() {}

    static final int XATTR_CREATE = 1, XATTR_REPLACE = 2, NAME_MAX = 255, SIZE_MAX = 65536, LIST_MAX = 65536;

    /** Which object: a path followed, a path not followed, or a descriptor. */
    private enum By { PATH, LINK, FD }

    static void register(SyscallTable t, Services s) {
        t.add(5, "setxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, n, v, sz, fl, a5) -> set(s, task, By.PATH, p, n, v, sz, (int) fl), STR, STR, PTR, SIZE, FLAGS);
        t.add(6, "lsetxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, n, v, sz, fl, a5) -> set(s, task, By.LINK, p, n, v, sz, (int) fl), STR, STR, PTR, SIZE, FLAGS);
        t.add(7, "fsetxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, fd, n, v, sz, fl, a5) -> set(s, task, By.FD, fd, n, v, sz, (int) fl), FD, STR, PTR, SIZE, FLAGS);
        t.add(8, "getxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, n, v, sz, a4, a5) -> get(s, task, By.PATH, p, n, v, sz), STR, STR, PTR, SIZE);
        t.add(9, "lgetxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, n, v, sz, a4, a5) -> get(s, task, By.LINK, p, n, v, sz), STR, STR, PTR, SIZE);
        t.add(10, "fgetxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, fd, n, v, sz, a4, a5) -> get(s, task, By.FD, fd, n, v, sz), FD, STR, PTR, SIZE);
        t.add(11, "listxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, l, sz, a3, a4, a5) -> list(s, task, By.PATH, p, l, sz), STR, PTR, SIZE);
        t.add(12, "llistxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, l, sz, a3, a4, a5) -> list(s, task, By.LINK, p, l, sz), STR, PTR, SIZE);
        t.add(13, "flistxattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, fd, l, sz, a3, a4, a5) -> list(s, task, By.FD, fd, l, sz), FD, PTR, SIZE);
        t.add(14, "removexattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, n, a2, a3, a4, a5) -> remove(s, task, By.PATH, p, n), STR, STR);
        t.add(15, "lremovexattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, p, n, a2, a3, a4, a5) -> remove(s, task, By.LINK, p, n), STR, STR);
        t.add(16, "fremovexattr", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, fd, n, a2, a3, a4, a5) -> remove(s, task, By.FD, fd, n), FD, STR);
    }

    /** The inode and whether its tree is read-only (a descriptor: the file it opened; O_PATH is EBADF). */
    private static Inode inode(Services s, Task t, By by, long where) {
        if (by == By.FD) {
            FileDescription f = t.fds().get((int) where);
            if (f == null || f.file() instanceof dev.vitrine.fs.PathFile) throw new FsException(Errno.EBADF);
            return f.file().inode();   // null: a pipe, socket or anonymous file, whose file systems have no xattrs
        }
        return SysPathUtil.walk(t, s.vfs(), AT_FDCWD, SysPathUtil.path(t, where), by == By.PATH).need();
    }

    /** strncpy_from_user into XATTR_NAME_MAX + 1 bytes: empty or too long is ERANGE. */
    private static String name(Task t, long va) {
        String n = t.memory().readCString(va, NAME_MAX + 1);
        if (n == null) throw new FsException(SysPathUtil.readable(t, va, NAME_MAX + 1) ? Errno.ERANGE : Errno.EFAULT);
        if (n.isEmpty()) throw new FsException(Errno.ERANGE);
        return n;
    }

    /**
     * xattr_permission, then whether a handler takes the name: 0 to go on, else the errno.
     * {@code write}: set or remove.
     */
    private static int permission(Task t, Inode i, String name, boolean write) {
        Cred c = t.cred();
        if (i == null) {
            // pipefs, sockfs, anon inodes: not a file or directory, and no handler behind the checks.
            if (name.startsWith("user.")) return write ? Errno.EPERM : Errno.ENODATA;
            if (name.startsWith("trusted.") && !c.capable(Cred.CAP_SYS_ADMIN)) return write ? Errno.EPERM : Errno.ENODATA;
            if (name.startsWith("security.") && write && !c.capable(Cred.CAP_SYS_ADMIN)) return Errno.EPERM;
            return Errno.EOPNOTSUPP;
        }
        boolean reg = i.type() == Stat.S_IFREG, dir = i.type() == Stat.S_IFDIR;
        if (name.startsWith("security.") || name.startsWith("system.")) {
            if (name.startsWith("system.")) return Errno.EOPNOTSUPP;
            // cap_inode_setxattr/removexattr: a security attribute is root's to change.
            return write && !c.capable(Cred.CAP_SYS_ADMIN) ? Errno.EPERM : 0;
        }
        if (name.startsWith("trusted.")) return c.capable(Cred.CAP_SYS_ADMIN) ? 0 : write ? Errno.EPERM : Errno.ENODATA;
        if (name.startsWith("user.")) {
            if (!reg && !dir) return write ? Errno.EPERM : Errno.ENODATA;
            if (dir && write && (i.perm() & Permission.S_ISVTX) != 0 && !Permission.ownerOrCapable(c, i)) return Errno.EPERM;
            if (!Permission.permits(c, i, write ? Permission.MAY_WRITE : Permission.MAY_READ)) return Errno.EACCES;
            return 0;
        }
        // No handler for the prefix, once the inode's own permission passed.
        if (!Permission.permits(c, i, write ? Permission.MAY_WRITE : Permission.MAY_READ)) return Errno.EACCES;
        return Errno.EOPNOTSUPP;
    }

    static long set(Services s, Task t, By by, long where, long nameVa, long valueVa, long size, int flags) {
        if ((flags & ~(XATTR_CREATE | XATTR_REPLACE)) != 0) return -Errno.EINVAL;
        String name = name(t, nameVa);
        byte[] value = new byte[0];
        if (size > 0) {
            if (size > SIZE_MAX) return -Errno.E2BIG;
            value = new byte[(int) size];
            if (!t.memory().read(valueVa, value, 0, value.length)) return -Errno.EFAULT;
        }
        Inode i = inode(s, t, by, where);
        if (i != null && i.readOnly()) return -Errno.EROFS;
        int e = permission(t, i, name, true);
        if (e != 0) return -e;
        Xattrs x = i.xattrs();
        if (x == null) return -Errno.EOPNOTSUPP;
        x.set(s.vfs().xattrSpace(), name, value, (flags & XATTR_CREATE) != 0, (flags & XATTR_REPLACE) != 0);
        return 0;
    }

    static long get(Services s, Task t, By by, long where, long nameVa, long valueVa, long size) {
        String name = name(t, nameVa);
        Inode i = inode(s, t, by, where);
        int e = permission(t, i, name, false);
        if (e != 0) return -e;
        Xattrs x = i.xattrs();
        if (x == null) return -Errno.EOPNOTSUPP;
        byte[] v = x.get(name);
        if (v == null) return -Errno.ENODATA;
        if (size == 0) return v.length;
        if (size < v.length) return -Errno.ERANGE;
        return t.memory().write(valueVa, v) ? v.length : -Errno.EFAULT;
    }

    static long list(Services s, Task t, By by, long where, long listVa, long size) {
        Inode i = inode(s, t, by, where);
        Xattrs x = i == null ? null : i.xattrs();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (x != null) {
            boolean trusted = t.cred().capable(Cred.CAP_SYS_ADMIN);
            for (String n : x.names()) {
                if (!trusted && n.startsWith("trusted.")) continue;
                out.writeBytes(n.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                out.write(0);
            }
        }
        byte[] b = out.toByteArray();
        if (size == 0) return b.length;
        if (Math.min(size, LIST_MAX) < b.length) return b.length > LIST_MAX && size >= LIST_MAX ? -Errno.E2BIG : -Errno.ERANGE;
        return t.memory().write(listVa, b) ? b.length : -Errno.EFAULT;
    }

    static long remove(Services s, Task t, By by, long where, long nameVa) {
        String name = name(t, nameVa);
        Inode i = inode(s, t, by, where);
        if (i != null && i.readOnly()) return -Errno.EROFS;
        int e = permission(t, i, name, true);
        if (e != 0) return -e;
        Xattrs x = i.xattrs();
        if (x == null) return -Errno.EOPNOTSUPP;
        x.remove(s.vfs().xattrSpace(), name);
        return 0;
    }
}
