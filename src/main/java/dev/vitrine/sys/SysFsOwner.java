package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.PathFile;
import dev.vitrine.fs.Permission;
import dev.vitrine.fs.Stat;
import dev.vitrine.fs.Statfs;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.sys.SysPathUtil.*;

/**
 * chown and statfs: who owns a file and what file system holds it. Without CAP_CHOWN a task
 * may only change the group of a file it owns to one of its groups; chown clears set-uid (and
 * an executable set-gid) as Linux's does. A file under a --mount is never chowned on the host
 * (the JVM may run as root): its owner is the guest's inode's.
 */
final class SysFsOwner {
    private SysFsOwner() {}

    private static final int S_ISUID = 04000, S_ISGID = 02000, S_IXGRP = 010;

    static void register(SyscallTable t, Services s) {
        t.add(54, "fchownat", (k, task, dirfd, p, u, g, flags, a5) -> fchownat(s.vfs(), task, (int) dirfd, p, (int) u, (int) g, (int) flags),
                FD, STR, INT, INT, FLAGS);
        t.add(55, "fchown", (k, task, fd, u, g, a3, a4, a5) -> fchown(s.vfs(), task, (int) fd, (int) u, (int) g), FD, INT, INT);
        t.add(43, "statfs", (k, task, p, buf, a2, a3, a4, a5) ->
                put(task, buf, Statfs.of(s.vfs(), walk(task, s.vfs(), AT_FDCWD, path(task, p), true).need().stat().dev())), STR, PTR);
        t.add(44, "fstatfs", (k, task, fd, buf, a2, a3, a4, a5) -> {
            FileDescription f = task.fds().get((int) fd);     // fdget_raw: an O_PATH fd will do
            if (f == null) return -Errno.EBADF;
            return put(task, buf, Statfs.of(s.vfs(), f.file().stat().dev()));
        }, FD, PTR);
    }

    private static long put(Task t, long buf, Statfs st) {
        return t.memory().write(buf, st.bytes()) ? 0 : -Errno.EFAULT;
    }

    static long fchownat(Vfs v, Task t, int dirfd, long pathVa, int uid, int gid, int flags) {
        if ((flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH)) != 0) return -Errno.EINVAL;
        String path = path(t, pathVa);
        if (path.isEmpty() && (flags & AT_EMPTY_PATH) != 0) {
            if (dirfd == AT_FDCWD) return chown(v, t, cwd(t, v), uid, gid);
            FileDescription f = t.fds().get(dirfd);
            if (f == null) return -Errno.EBADF;
            return chownFile(v, t, f, uid, gid);
        }
        if (path.isEmpty()) return -Errno.ENOENT;
        return chown(v, t, walk(t, v, dirfd, path, (flags & AT_SYMLINK_NOFOLLOW) == 0).need(), uid, gid);
    }

    /** fchown takes fdget, not fdget_raw: an O_PATH descriptor is EBADF. */
    static long fchown(Vfs v, Task t, int fd, int uid, int gid) {
        FileDescription f = t.fds().get(fd);
        if (f == null || f.file() instanceof PathFile) return -Errno.EBADF;
        return chownFile(v, t, f, uid, gid);
    }

    /** A descriptor without an inode in the tree (a pipe, the console) is its owner's, and nothing on it changes. */
    private static long chownFile(Vfs v, Task t, FileDescription f, int uid, int gid) {
        Inode i = f.file().inode();
        if (i != null) return chown(v, t, i, uid, gid);
        Stat st = f.file().stat();
        return allowed(t.cred(), st.uid(), st.gid(), uid, gid) ? 0 : -Errno.EPERM;
    }

    /**
     * chown_common and notify_change: EROFS on a read-only mount first; then chown_ok and
     * chgrp_ok. A non-directory loses set-uid, and set-gid when group-executable or (for a
     * caller without CAP_FSETID) not of the caller's groups (setattr_should_drop_sgid), which
     * needs ownership or CAP_FOWNER.
     */
    static long chown(Vfs v, Task t, Inode i, int uid, int gid) {
        if (readOnly(v, i)) return -Errno.EROFS;
        Cred c = t.cred();
        if (!allowed(c, i.uid(), i.gid(), uid, gid)) return -Errno.EPERM;
        int perm = i.perm(), kill = 0;
        if (i.type() != Stat.S_IFDIR) {
            if ((perm & S_ISUID) != 0) kill |= S_ISUID;
            if ((perm & S_ISGID) != 0 && ((perm & S_IXGRP) != 0 || !Permission.inGroupOrCapable(c, i.gid()))) kill |= S_ISGID;
        }
        if (kill != 0 && !Permission.ownerOrCapable(c, i)) return -Errno.EPERM;   // ATTR_MODE: inode_owner_or_capable
        i.setOwner(uid == -1 ? i.uid() : uid, gid == -1 ? i.gid() : gid);
        if (kill != 0) i.chmod(perm & ~kill, v.now());
        else i.changed(v.now());
        return 0;
    }

    /**
     * chown_ok: the owner may "give" the file to itself; chgrp_ok: the owner may give it the
     * group it has or one of its own groups. CAP_CHOWN may do anything.
     */
    private static boolean allowed(Cred c, int fileUid, int fileGid, int uid, int gid) {
        if (c.capable(Cred.CAP_CHOWN)) return true;
        boolean owner = fileUid == c.fsuid();
        if (uid != -1 && !(owner && uid == fileUid)) return false;
        return gid == -1 || owner && (gid == fileGid || c.inGroup(gid));
    }

    /** mnt_want_write: a read-only --mount (procfs and /dev are writable mounts whose files refuse other changes). */
    private static boolean readOnly(Vfs v, Inode i) {
        if (i.dev() == Vfs.PROC_DEV || i.dev() == Vfs.TMPFS_DEV || i.dev() == Vfs.DEVTMPFS_DEV) return false;
        return v.readOnlyMount(i.dev()) || i.readOnly();
    }
}
