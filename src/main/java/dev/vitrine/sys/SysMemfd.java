package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.FsException;
import dev.vitrine.fs.MemStore;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.fs.Vfs;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;

/**
 * memfd_create (mm/memfd.c): a tmpfs file with no name, mode 0777, charged to the tmpfs like
 * any other, gone with its last descriptor and mapping; /proc/PID/fd shows "/memfd:NAME
 * (deleted)". MFD_ALLOW_SEALING leaves its seals open (F_ADD_SEALS), else it is born with
 * F_SEAL_SEAL. There is no hugetlbfs: MFD_HUGETLB is ENOSYS, as a kernel built without it says.
 */
final class SysMemfd {
    private SysMemfd() {}

    static final int MFD_CLOEXEC = 1, MFD_ALLOW_SEALING = 2, MFD_HUGETLB = 4, MFD_NOEXEC_SEAL = 8, MFD_EXEC = 0x10;
    /** NAME_MAX minus "memfd:". */
    private static final int NAME_MAX = 249;

    static void register(SyscallTable t, Services s) {
        t.add(279, "memfd_create", (k, task, name, flags, a2, a3, a4, a5) -> create(s.vfs(), task, name, (int) flags), STR, FLAGS);
    }

    static long create(Vfs v, Task t, long nameVa, int flags) {
        if ((flags & ~(MFD_CLOEXEC | MFD_ALLOW_SEALING | MFD_HUGETLB | MFD_NOEXEC_SEAL | MFD_EXEC | (0x3f << 26))) != 0) return -Errno.EINVAL;
        if ((flags & MFD_HUGETLB) == 0 && (flags & (0x3f << 26)) != 0) return -Errno.EINVAL;
        if ((flags & MFD_EXEC) != 0 && (flags & MFD_NOEXEC_SEAL) != 0) return -Errno.EINVAL;
        if (nameVa == 0) return -Errno.EFAULT;
        String name = t.memory().readCString(nameVa, NAME_MAX + 1);
        if (name == null) {
            if (!t.memory().read(nameVa, new byte[1], 0, 1)) return -Errno.EFAULT;
            return -Errno.EINVAL;
        }
        if ((flags & MFD_HUGETLB) != 0) return -Errno.ENOSYS;
        int perm = (flags & MFD_NOEXEC_SEAL) != 0 ? 0666 : 0777;
        RegularFile f = new RegularFile(v, Vfs.TMPFS_DEV, perm, new MemStore(v.tmpfs()));
        f.setOwner(t.cred().fsuid(), t.cred().fsgid());   // shmem_get_inode: the creator's
        int seals = (flags & MFD_NOEXEC_SEAL) != 0 ? 0x20 : 0;   // F_SEAL_EXEC
        if ((flags & (MFD_ALLOW_SEALING | MFD_NOEXEC_SEAL)) == 0) seals |= RegularFile.F_SEAL_SEAL;
        f.setSeals(seals);
        String path = "/memfd:" + name + " (deleted)";
        f.setName(path);
        FileDescription d = new FileDescription(new OpenFile(f), O_RDWR | O_LARGEFILE).withPath(path);
        int fd = t.fds().allocate(d, 0, (flags & MFD_CLOEXEC) != 0);
        if (fd < 0) d.release();
        return fd;
    }
}
