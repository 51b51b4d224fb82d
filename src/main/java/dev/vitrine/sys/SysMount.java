package dev.vitrine.sys;

import dev.vitrine.abi.Cred;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.Dir;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.Inode;
import dev.vitrine.fs.MemDir;
import dev.vitrine.fs.Namei;
import dev.vitrine.fs.TmpfsMount;
import dev.vitrine.fs.Vfs;
import dev.vitrine.mm.Vma;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.AT_FDCWD;
import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.sys.SysPathUtil.*;

/**
 * mount and umount2 (fs/namespace.c) as far as the machine goes: Linux's checks in Linux's
 * order (the strings and the options page, the mount point's lookup, MS_NOUSER or umount's
 * flags), then EPERM without CAP_SYS_ADMIN as may_mount answers. Root mounts a tmpfs (size=,
 * mode=, uid=, gid=) on a directory of the in-memory tree and unmounts it (EBUSY while
 * something in it is open, a working directory or mapped, unless MNT_DETACH); what else root
 * asks (other file systems, remounts, binds, moves, mount flags, stacking, the boot mounts) is
 * ENOSYS, and unmounting a directory that is no mount root EINVAL.
 */
final class SysMount {
    private SysMount() {}

    static final long MS_NOUSER = 1L << 31, MS_MGC_MSK = 0xffff0000L, MS_MGC_VAL = 0xc0ed0000L;
    static final int MNT_FORCE = 1, MNT_DETACH = 2, MNT_EXPIRE = 4, UMOUNT_NOFOLLOW = 8;
    private static final int PATH_MAX = 4096, PAGE = 4096;

    static void register(SyscallTable t, Services s) {
        t.add(40, "mount", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dev, dir, type, flags, data, a5) -> mount(k, s.vfs(), task, dev, dir, type, flags, data), STR, STR, STR, HEX, PTR);
        t.add(39, "umount2", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, dir, flags, a2, a3, a4, a5) -> umount(k, s.vfs(), task, dir, (int) flags), STR, FLAGS);
    }

    /** copy_mount_string (strndup_user): a fault is EFAULT, a string longer than PATH_MAX EINVAL. */
    private static void string(Task t, long va) {
        if (va == 0) return;
        if (t.memory().readCString(va, PATH_MAX) != null) return;
        throw new FsException(readable(t, va, PATH_MAX + 1) ? Errno.EINVAL : Errno.EFAULT);
    }

    static final long MS_SILENT = 0x8000, MS_RELATIME = 1L << 21;
    /** /proc/sys/fs/mount-max's default: mounts in one namespace. */
    static final int MOUNT_MAX = 100_000;

    static long mount(Kernel k, Vfs v, Task t, long devVa, long dirVa, long typeVa, long flags, long dataVa) {
        string(t, typeVa);
        string(t, devVa);
        // copy_mount_options: a page or what can be read of it; nothing at all is EFAULT
        byte[] data = null;
        if (dataVa != 0) {
            data = new byte[PAGE];
            int n = 0;
            while (n < PAGE && t.memory().read(dataVa + n, data, n, 1)) n++;
            if (n == 0) return -Errno.EFAULT;
            data[Math.min(n, PAGE - 1)] = 0;
        }
        Namei.Found f = walk(t, v, AT_FDCWD, path(t, dirVa), true);
        Inode target = f.need();
        if ((flags & MS_MGC_MSK) == MS_MGC_VAL) flags &= ~MS_MGC_MSK;
        if ((flags & MS_NOUSER) != 0) return -Errno.EINVAL;
        if (!t.cred().capable(Cred.CAP_SYS_ADMIN)) return -Errno.EPERM;
        String type = typeVa == 0 ? null : t.memory().readCString(typeVa, PATH_MAX);
        if (!"tmpfs".equals(type) || (flags & ~(MS_SILENT | MS_RELATIME)) != 0) return -Errno.ENOSYS;
        Options o = options(k, data == null ? "" : cString(data));
        if (o.errno != 0) return -o.errno;
        if (!(target instanceof Dir)) return -Errno.ENOTDIR;   // graft_tree: a directory on a directory
        // a directory of the in-memory tree, named in its parent, not a mount root already
        if (!(target instanceof MemDir d) || !(f.parent() instanceof MemDir parent) || parent.lookup(f.name()) != d
                || d.dev() != Vfs.TMPFS_DEV || parent.dev() != Vfs.TMPFS_DEV || d == v.root()) return -Errno.ENOSYS;
        if (v.mountCount() >= MOUNT_MAX) return -Errno.ENOSPC;   // count_mounts against fs.mount-max
        String source = devVa == 0 ? "none" : t.memory().readCString(devVa, PATH_MAX);
        TmpfsMount.mount(v, parent, f.name(), Namei.pathOf(v.root(), d), source, o.size, o.mode, o.uid, o.gid);
        return 0;
    }

    private static String cString(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** tmpfs's mount options, or the errno they earn. */
    private static final class Options {
        long size;
        int mode = 01777, uid, gid, errno;
    }

    /**
     * shmem_parse_one: size= (memparse's k, m, g, t suffixes, or a percentage of RAM; 0 for no
     * limit), mode= (octal), uid=, gid=; the options Linux has that the machine does not (nr_inodes,
     * huge, mpol, ...) are ENOSYS, anything else EINVAL. The size defaults to half of RAM.
     */
    private static Options options(Kernel k, String text) {
        Options o = new Options();
        long ram = k.frames().total() * PAGE;
        o.size = ram / 2;
        for (String opt : text.split(",")) {
            if (opt.isEmpty()) continue;
            int eq = opt.indexOf('=');
            String key = eq < 0 ? opt : opt.substring(0, eq), val = eq < 0 ? null : opt.substring(eq + 1);
            try {
                switch (key) {
                    case "size" -> o.size = size(val, ram);
                    case "mode" -> o.mode = Integer.parseInt(val, 8) & 07777;
                    case "uid" -> o.uid = Integer.parseUnsignedInt(val);
                    case "gid" -> o.gid = Integer.parseUnsignedInt(val);
                    case "nr_blocks", "nr_inodes", "huge", "mpol", "inode32", "inode64", "noswap", "quota", "usrquota",
                            "grpquota", "usrquota_block_hardlimit", "usrquota_inode_hardlimit", "grpquota_block_hardlimit",
                            "grpquota_inode_hardlimit", "casefold", "strict_encoding" -> { o.errno = Errno.ENOSYS; return o; }
                    default -> { o.errno = Errno.EINVAL; return o; }
                }
            } catch (RuntimeException e) {   // a missing or malformed value
                o.errno = Errno.EINVAL;
                return o;
            }
        }
        return o;
    }

    /** memparse, or a percentage of RAM; whole pages; 0 is no limit. */
    private static long size(String v, long ram) {
        if (v.endsWith("%")) {
            long pct = Long.parseLong(v.substring(0, v.length() - 1));
            if (pct < 0) throw new IllegalArgumentException();
            return Math.max(PAGE, ram / 100 * pct) / PAGE * PAGE;
        }
        int shift = 0;
        char last = Character.toLowerCase(v.charAt(v.length() - 1));
        switch (last) {
            case 'k' -> shift = 10;
            case 'm' -> shift = 20;
            case 'g' -> shift = 30;
            case 't' -> shift = 40;
            default -> { }
        }
        long n = Long.parseUnsignedLong(shift == 0 ? v : v.substring(0, v.length() - 1));
        if (n == 0) return Long.MAX_VALUE;
        if (Long.numberOfLeadingZeros(n) <= shift + 12) throw new IllegalArgumentException();
        long bytes = n << shift;
        return (bytes + PAGE - 1) / PAGE * PAGE;
    }

    static long umount(Kernel k, Vfs v, Task t, long dirVa, int flags) {
        if ((flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW)) != 0) return -Errno.EINVAL;
        Inode i = walk(t, v, AT_FDCWD, path(t, dirVa), (flags & UMOUNT_NOFOLLOW) == 0).need();
        if (!t.cred().capable(Cred.CAP_SYS_ADMIN)) return -Errno.EPERM;
        TmpfsMount m = v.tmpfsMountOf(i);
        if (m == null) {
            // can_umount: only a mount's root; the boot mounts are the dirs whose device differs from their parent's
            boolean mountRoot = i == v.root() || i instanceof Dir d && d.parent() != null && d.parent().dev() != d.dev();
            return mountRoot ? -Errno.ENOSYS : -Errno.EINVAL;
        }
        if ((flags & MNT_EXPIRE) != 0) return -Errno.ENOSYS;
        if ((flags & MNT_DETACH) == 0 && busy(k, m.dev())) return -Errno.EBUSY;
        m.unmount();
        return 0;
    }

    /** propagate_mount_busy for one mount: an open file, a working directory or root, or a mapping in it. */
    private static boolean busy(Kernel k, long dev) {
        for (Task x : k.tasks()) {
            var fds = x.fds();
            if (fds != null) {
                if (fds.cwd() != null && fds.cwd().dev() == dev || fds.root() != null && fds.root().dev() == dev) return true;
                for (int fd : fds.openFds()) {
                    FileDescription d = fds.get(fd);
                    Inode i = d == null ? null : d.file().inode();
                    if (i != null && i.dev() == dev) return true;
                }
            }
            if (x.space() != null)
                for (Vma vma : x.space().vmas()) if (vma.file() instanceof Inode i && i.dev() == dev) return true;
        }
        return false;
    }
}
