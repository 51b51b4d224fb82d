package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Dir;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.AT_FDCWD;
import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.sys.SysPathUtil.*;

/**
 * mount and umount2 as far as the machine goes. Its mounts are the ones it boots with
 * (/proc/mounts); nothing mounts or unmounts at run time. So both make Linux's checks in
 * Linux's order (the strings and the options page, the mount point's lookup, MS_NOUSER or
 * umount's flags), then a caller without CAP_SYS_ADMIN gets EPERM as may_mount answers, root
 * unmounting what is no mount root EINVAL, and what root would change ENOSYS.
 */
final class SysMount {
    private SysMount() {}

    static final long MS_NOUSER = 1L << 31, MS_MGC_MSK = 0xffff0000L, MS_MGC_VAL = 0xc0ed0000L;
    static final int MNT_FORCE = 1, MNT_DETACH = 2, MNT_EXPIRE = 4, UMOUNT_NOFOLLOW = 8;
    private static final int PATH_MAX = 4096, PAGE = 4096;

    static void register(SyscallTable t, Services s) {
        t.add(40, "mount", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dev, dir, type, flags, data, a5) -> mount(s.vfs(), task, dev, dir, type, flags, data), STR, STR, STR, HEX, PTR);
        t.add(39, "umount2", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dir, flags, a2, a3, a4, a5) -> umount(s.vfs(), task, dir, (int) flags), STR, FLAGS);
    }

    /** copy_mount_string (strndup_user): a fault is EFAULT, a string longer than PATH_MAX EINVAL. */
    private static void string(Task t, long va) {
        if (va == 0) return;
        if (t.memory().readCString(va, PATH_MAX) != null) return;
        throw new FsException(readable(t, va, PATH_MAX + 1) ? Errno.EINVAL : Errno.EFAULT);
    }

    static long mount(Vfs v, Task t, long devVa, long dirVa, long typeVa, long flags, long dataVa) {
        string(t, typeVa);
        string(t, devVa);
        // copy_mount_options: a page or what can be read of it; nothing at all is EFAULT
        if (dataVa != 0 && !t.memory().read(dataVa, new byte[1], 0, 1)) return -Errno.EFAULT;
        walk(t, v, AT_FDCWD, path(t, dirVa), true).need();
        if ((flags & MS_MGC_MSK) == MS_MGC_VAL) flags &= ~MS_MGC_MSK;
        if ((flags & MS_NOUSER) != 0) return -Errno.EINVAL;
        if (!t.cred().capable(Cred.CAP_SYS_ADMIN)) return -Errno.EPERM;
        return -Errno.ENOSYS;
    }

    static long umount(Vfs v, Task t, long dirVa, int flags) {
        if ((flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)) != 0) return -Errno.EINVAL;
        Inode i = walk(t, v, AT_FDCWD, path(t, dirVa), (flags & UMOUNT_NOFOLLOW) == 0).need();
        if (!t.cred().capable(Cred.CAP_SYS_ADMIN)) return -Errno.EPERM;
        // can_umount: only a mount's root; the machine's mounts are the dirs whose device differs from their parent's
        boolean mountRoot = i == v.root() || i instanceof Dir d && d.parent() != null && d.parent().dev() != d.dev();
        return mountRoot ? -Errno.ENOSYS : -Errno.EINVAL;
    }
}
