package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.fs.Device;
import dev.vitrine.fs.Dir;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Fifo;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.HostDir;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.Names;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.fs.Stat;
import dev.vitrine.fs.Symlink;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.sys.SysPathUtil.*;
import static dev.vitrine.abi.Fcntl.*;

/** Calls that change the name space: mkdir, unlink, rmdir, rename, link, symlink, mknod, and cwd. */
final class SysPath {
    private SysPath() {}

    private static final int RENAME_NOREPLACE = 1, RENAME_EXCHANGE = 2, RENAME_WHITEOUT = 4;

    static void register(SyscallTable t, Services s) {
        t.add(34, "mkdirat", (k, task, dirfd, p, mode, a3, a4, a5) -> mkdirat(s.vfs(), task, (int) dirfd, p, (int) mode), FD, STR, MODE);
        t.add(35, "unlinkat", (k, task, dirfd, p, flags, a3, a4, a5) -> unlinkat(s.vfs(), task, (int) dirfd, p, (int) flags), FD, STR, AT_FLAGS);
        t.add(276, "renameat2", (k, task, od, op, nd, np, flags, a5) -> rename(s.vfs(), task, (int) od, op, (int) nd, np, (int) flags), FD, STR, FD, STR, FLAGS);
        t.add(37, "linkat", (k, task, od, op, nd, np, flags, a5) -> linkat(s.vfs(), task, (int) od, op, (int) nd, np, (int) flags), FD, STR, FD, STR, AT_FLAGS);
        t.add(36, "symlinkat", (k, task, target, nd, np, a3, a4, a5) -> symlinkat(s.vfs(), task, target, (int) nd, np), STR, FD, STR);
        t.add(78, "readlinkat", (k, task, dirfd, p, buf, size, a4, a5) -> readlinkat(s.vfs(), task, (int) dirfd, p, buf, size), FD, STR, BUF_OUT, INT);
        t.add(33, "mknodat", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dirfd, p, mode, dev, a4, a5) -> mknodat(s.vfs(), task, (int) dirfd, p, (int) mode, (int) dev), FD, STR, MODE, FLAGS);
        t.add(17, "getcwd", (k, task, buf, size, a2, a3, a4, a5) -> getcwd(s.vfs(), task, buf, size), PATH_OUT, SIZE);
        t.add(49, "chdir", (k, task, p, a1, a2, a3, a4, a5) -> chdir(s.vfs(), task, p), STR);
        t.add(50, "fchdir", (k, task, fd, a1, a2, a3, a4, a5) -> fchdir(task, (int) fd), FD);
        t.add(51, "chroot", (k, task, p, a1, a2, a3, a4, a5) -> chroot(s.vfs(), task, p), STR);
        t.add(166, "umask", (k, task, mask, a1, a2, a3, a4, a5) -> umask(task, (int) mask), MODE);
    }

    static long mkdirat(Vfs v, Task t, int dirfd, long pathVa, int mode) {
        Namei.Found f = walk(t, v, dirfd, path(t, pathVa), false);
        if (f.inode() != null) throw new FsException(Errno.EEXIST);
        canModify(t, f.parent());
        // vfs_mkdir keeps only the permission bits and S_ISVTX; a set-gid parent passes S_ISGID on.
        owned(t, f.parent(), f.parent().createDir(f.name(), mode & ~t.fds().umask() & 01777));
        return 0;
    }

    static long unlinkat(Vfs v, Task t, int dirfd, long pathVa, int flags) {
        if ((flags & ~AT_REMOVEDIR) != 0) return -Errno.EINVAL;
        String path = path(t, pathVa);
        Namei.Found f = walk(t, v, dirfd, path, false);
        // do_rmdir: a path of slashes alone is LAST_ROOT (EBUSY), "." EINVAL, ".." ENOTEMPTY.
        if ((flags & AT_REMOVEDIR) != 0 && !path.isEmpty() && path.chars().allMatch(c -> c == '/')) throw new FsException(Errno.EBUSY);
        if ((flags & AT_REMOVEDIR) != 0) return rmdir(v, t, f);
        Inode i = f.inode();
        if (i == null) throw new FsException(Errno.ENOENT);
        if (f.trailingSlash()) throw new FsException(i instanceof Dir ? Errno.EISDIR : Errno.ENOTDIR);
        mayDelete(t, f.parent(), i);
        if (i instanceof Dir) throw new FsException(Errno.EISDIR);
        f.parent().remove(f.name());
        return 0;
    }

    private static long rmdir(Vfs v, Task t, Namei.Found f) {
        if (f.name().equals(".")) throw new FsException(Errno.EINVAL);
        if (f.name().equals("..")) throw new FsException(Errno.ENOTEMPTY);
        Inode i = f.inode();
        if (i == null) throw new FsException(Errno.ENOENT);
        mayDelete(t, f.parent(), i);
        if (!(i instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
        if (d == v.root() || d.dev() != f.parent().dev()) throw new FsException(Errno.EBUSY);
        if (!d.isEmpty()) throw new FsException(Errno.ENOTEMPTY);
        f.parent().remove(f.name());
        d.unlink();                              // its "." : a removed directory has no links
        return 0;
    }

    static long rename(Vfs v, Task t, int oldDir, long oldVa, int newDir, long newVa, int flags) {
        if ((flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT)) != 0
                || ((flags & RENAME_EXCHANGE) != 0 && (flags & (RENAME_NOREPLACE | RENAME_WHITEOUT)) != 0))
            return -Errno.EINVAL;
        // A whiteout needs CAP_MKNOD; with it, tmpfs would leave a 0:0 device behind, which is not modelled.
        if ((flags & RENAME_WHITEOUT) != 0) return -Errno.EPERM;
        boolean exchange = (flags & RENAME_EXCHANGE) != 0;
        Namei.Found src = walk(t, v, oldDir, path(t, oldVa), false);
        Namei.Found dst = walk(t, v, newDir, path(t, newVa), false);
        Inode i = src.inode();
        if (i == null) throw new FsException(Errno.ENOENT);
        if (src.name().equals(".") || src.name().equals("..") || dst.name().equals(".") || dst.name().equals(".."))
            throw new FsException(Errno.EBUSY);
        if (src.parent().dev() != dst.parent().dev()) throw new FsException(Errno.EXDEV);
        if (src.parent().readOnly() || dst.parent().readOnly()) throw new FsException(Errno.EROFS);
        Inode old = dst.inode();
        // do_renameat2's order: NOREPLACE, EXCHANGE's missing target, trailing slashes, the traps.
        if (old != null && (flags & RENAME_NOREPLACE) != 0) throw new FsException(Errno.EEXIST);
        if (exchange && old == null) throw new FsException(Errno.ENOENT);
        if (exchange && !(old instanceof Dir) && dst.trailingSlash()) throw new FsException(Errno.ENOTDIR);
        if (!(i instanceof Dir) && (src.trailingSlash() || !exchange && dst.trailingSlash())) throw new FsException(Errno.ENOTDIR);
        if (i instanceof Dir d && within(dst.parent(), d)) throw new FsException(Errno.EINVAL);
        if (old instanceof Dir od && within(src.parent(), od)) throw new FsException(exchange ? Errno.EINVAL : Errno.ENOTEMPTY);
        if (old == i) return 0;
        // vfs_rename: may_delete on the source, may_delete or may_create on the target, and a
        // directory moving to another parent must be writable itself (its ".." changes).
        mayDelete(t, src.parent(), i);
        if (old != null) mayDelete(t, dst.parent(), old);
        else canModify(t, dst.parent());
        if (dst.parent() != src.parent()) {
            if (i instanceof Dir) need(t, i, 2);
            if (exchange && old instanceof Dir) need(t, old, 2);
        }
        // A mount's root is a mountpoint: it cannot be moved or renamed over.
        if (i.dev() != src.parent().dev() || old != null && old.dev() != dst.parent().dev()) throw new FsException(Errno.EBUSY);
        if (exchange) {
            if (src.parent() instanceof HostDir sh && dst.parent() instanceof HostDir dh) {
                sh.rename(src.name(), dh, dst.name(), flags, true);
                return 0;
            }
            src.parent().remove(src.name());
            dst.parent().remove(dst.name());
            src.parent().add(src.name(), old);
            dst.parent().add(dst.name(), i);
            i.changed(v.now());
            old.changed(v.now());
            return 0;
        }
        if (i instanceof Dir) {
            if (old != null && !(old instanceof Dir)) throw new FsException(Errno.ENOTDIR);
            if (old instanceof Dir od && !od.isEmpty()) throw new FsException(Errno.ENOTEMPTY);
        } else if (old instanceof Dir) {
            throw new FsException(Errno.EISDIR);
        }
        if (src.parent() instanceof HostDir sh && dst.parent() instanceof HostDir dh) {
            sh.rename(src.name(), dh, dst.name(), flags, false);
            return 0;
        }
        if (old != null) {
            dst.parent().remove(dst.name());
            if (old instanceof Dir) old.unlink();
        }
        src.parent().remove(src.name());
        dst.parent().add(dst.name(), i);
        i.changed(v.now());
        return 0;
    }

    /** Whether {@code p} is {@code d} or lies under it (a directory cannot move into itself). */
    private static boolean within(Dir p, Dir d) {
        for (; ; p = p.parent()) {
            if (p == d) return true;
            if (p == p.parent()) return false;
        }
    }

    static long linkat(Vfs v, Task t, int oldDir, long oldVa, int newDir, long newVa, int flags) {
        if ((flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        String oldPath = path(t, oldVa);
        Inode i;
        Namei.Found from = null;
        if (oldPath.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            var fd = t.fds().get(oldDir);
            if (fd == null) throw new FsException(Errno.EBADF);
            i = fd.file().inode();
            if (i == null) throw new FsException(Errno.ENOENT);
        } else {
            from = walk(t, v, oldDir, oldPath, (flags & AT_SYMLINK_FOLLOW) != 0);
            i = from.need();
        }
        Namei.Found dst = walk(t, v, newDir, path(t, newVa), false);
        if (i instanceof Dir) throw new FsException(Errno.EPERM);
        if (dst.inode() != null) throw new FsException(Errno.EEXIST);
        canModify(t, dst.parent());
        if (i.dev() != dst.parent().dev()) throw new FsException(Errno.EXDEV);
        if (!mayLink(t, i)) throw new FsException(Errno.EPERM);
        boolean linkable = i instanceof dev.vitrine.fs.RegularFile r && r.linkable();
        if (i.nlink() == 0 && !linkable) throw new FsException(Errno.ENOENT);
        if (linkable) ((dev.vitrine.fs.RegularFile) i).setLinkable(false);   // vfs_link clears I_LINKABLE
        if (dst.parent() instanceof HostDir dh && from != null && from.parent() instanceof HostDir sh)
            dh.linkFrom(sh, from.name(), i, dst.name());
        else dst.parent().add(dst.name(), i);
        i.changed(v.now());
        return 0;
    }

    /**
     * may_linkat under fs.protected_hardlinks=1 (the distributions' setting): the file's owner,
     * CAP_FOWNER, or a safe source: a regular file, not set-uid nor executable set-gid, that
     * the caller may read and write.
     */
    private static boolean mayLink(Task t, Inode i) {
        Cred c = t.cred();
        if (c.fsuid() == i.uid() || c.capable(Cred.CAP_FOWNER)) return true;
        int mode = i.perm();
        return i.type() == Stat.S_IFREG && (mode & 04000) == 0 && (mode & 02010) != 02010 && permits(t, i, 6);
    }

    static long symlinkat(Vfs v, Task t, long targetVa, int newDir, long newVa) {
        String target = path(t, targetVa);
        if (target.isEmpty()) throw new FsException(Errno.ENOENT);
        Namei.Found dst = walk(t, v, newDir, path(t, newVa), false);
        if (dst.inode() != null) throw new FsException(Errno.EEXIST);
        canModify(t, dst.parent());
        if (dst.parent() instanceof HostDir dh) dh.createSymlink(dst.name(), target);
        else dst.parent().add(dst.name(), owned(t, dst.parent(), new Symlink(v, dst.parent().dev(), target)));
        return 0;
    }

    static long readlinkat(Vfs v, Task t, int dirfd, long pathVa, long buf, long size) {
        String path = path(t, pathVa);
        if (size <= 0) return -Errno.EINVAL;
        Inode i = walk(t, v, dirfd, path, false).need();
        if (!(i instanceof Symlink link)) return -Errno.EINVAL;
        if (!link.mayFollow(t.cred(), t.pid())) return -Errno.EACCES;
        byte[] target = Names.bytes(link.target(t.pid()));
        int n = (int) Math.min(size, target.length);
        return t.memory().write(buf, target, 0, n) ? n : -Errno.EFAULT;
    }

    /**
     * mknodat (do_mknodat): the type first (EINVAL), then the name (EEXIST), write permission on
     * the directory, and CAP_MKNOD for a character or block device.
     */
    static long mknodat(Vfs v, Task t, int dirfd, long pathVa, int mode, int devNum) {
        int type = mode & Stat.S_IFMT, perm = mode & ~t.fds().umask() & 07777;
        if (type != 0 && type != Stat.S_IFREG && type != Stat.S_IFIFO && type != Stat.S_IFSOCK
                && type != Stat.S_IFCHR && type != Stat.S_IFBLK) throw new FsException(Errno.EINVAL);
        Namei.Found f = walk(t, v, dirfd, path(t, pathVa), false);
        if (f.inode() != null) throw new FsException(Errno.EEXIST);
        canModify(t, f.parent());
        boolean device = type == Stat.S_IFCHR || type == Stat.S_IFBLK;
        if (device && !t.cred().capable(Cred.CAP_MKNOD)) throw new FsException(Errno.EPERM);
        if (type == Stat.S_IFIFO && f.parent() instanceof HostDir dh) dh.createFifo(f.name(), perm);
        else if (type == Stat.S_IFIFO) f.parent().add(f.name(), owned(t, f.parent(), new Fifo(v, f.parent().dev(), perm)));
        else if (type == Stat.S_IFSOCK || device && f.parent() instanceof HostDir) throw new FsException(Errno.EPERM);
        else if (device) {
            // new_decode_dev: the 32-bit dev_t's 12-bit major and 20-bit minor
            int major = (devNum & 0xfff00) >>> 8, minor = (devNum & 0xff) | ((devNum >>> 12) & 0xfff00);
            f.parent().add(f.name(), owned(t, f.parent(), Device.made(v, f.parent().dev(), type, perm, major, minor)));
        } else owned(t, f.parent(), f.parent().createFile(f.name(), perm));
        return 0;
    }

    static long getcwd(Vfs v, Task t, long buf, long size) {
        Dir cwd = cwd(t, v);
        if (cwd.nlink() == 0) throw new FsException(Errno.ENOENT);
        // A cwd outside a chroot is shown from the machine's root, marked as Linux's d_path does.
        Dir root = root(t, v);
        String path = within(cwd, root) ? Namei.pathOf(root, cwd) : "(unreachable)" + Namei.pathOf(v.root(), cwd);
        byte[] p = Names.bytes(path + "\0");
        if (size < p.length) return -Errno.ERANGE;
        return t.memory().write(buf, p) ? p.length : -Errno.EFAULT;
    }

    static long chdir(Vfs v, Task t, long pathVa) {
        Inode i = walk(t, v, AT_FDCWD, path(t, pathVa), true).need();
        if (!(i instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
        need(t, d, 1);
        t.fds().setCwd(d);
        return 0;
    }

    /** ksys_chroot: a directory the caller may search, then CAP_SYS_CHROOT; the cwd stays where it is. */
    static long chroot(Vfs v, Task t, long pathVa) {
        Inode i = walk(t, v, AT_FDCWD, path(t, pathVa), true).need();
        if (!(i instanceof Dir d)) throw new FsException(Errno.ENOTDIR);
        need(t, d, 1);
        if (!t.cred().capable(Cred.CAP_SYS_CHROOT)) return -Errno.EPERM;
        t.fds().setRoot(d == v.root() ? null : d);
        return 0;
    }

    static long fchdir(Task t, int fd) {
        var f = t.fds().get(fd);
        if (f == null) return -Errno.EBADF;
        if (!(f.file().inode() instanceof Dir d)) return -Errno.ENOTDIR;
        need(t, d, 1);
        t.fds().setCwd(d);
        return 0;
    }

    static long umask(Task t, int mask) {
        int old = t.fds().umask();
        t.fds().setUmask(mask);
        return old;
    }
}
