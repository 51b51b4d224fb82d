package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.abi.Rlimit;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.OpenFile;
import dev.vitrine.fs.PathFile;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.fs.RegularFile;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * fallocate (vfs_fallocate, then shmem_fallocate): the mode checks every file system shares,
 * then what tmpfs does: allocate (FALLOC_FL_KEEP_SIZE or growing the file) and
 * FALLOC_FL_PUNCH_HOLE|FALLOC_FL_KEEP_SIZE (Linux 6.13's checks: one mode at a time). Collapse, zero, insert, unshare and write-zeroes
 * ranges are EOPNOTSUPP on tmpfs, as is every mode on a --mount's host file here.
 */
final class SysFallocate {
    private SysFallocate() {}

    static final int KEEP_SIZE = 1, PUNCH_HOLE = 2, NO_HIDE_STALE = 4, COLLAPSE_RANGE = 8, ZERO_RANGE = 0x10,
            INSERT_RANGE = 0x20, UNSHARE_RANGE = 0x40, WRITE_ZEROES = 0x80;
    private static final int MODES = PUNCH_HOLE | COLLAPSE_RANGE | ZERO_RANGE | INSERT_RANGE | UNSHARE_RANGE | WRITE_ZEROES;

    static void register(SyscallTable t, Services s) {
        t.add(47, "fallocate", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, fd, mode, off, len, a4, a5) -> fallocate(k, task, (int) fd, (int) mode, off, len), FD, HEX, OFF, OFF);
    }

    static long fallocate(Kernel k, Task t, int fd, int mode, long off, long len) {
        FileDescription f = t.fds().get(fd);
        if (f == null || f.file() instanceof PathFile) return -Errno.EBADF;
        if (off < 0 || len <= 0) return -Errno.EINVAL;
        if ((mode & ~(MODES | KEEP_SIZE)) != 0) return -Errno.EOPNOTSUPP;
        // Linux 6.13's vfs_fallocate: exactly one mode, punching only with KEEP_SIZE, collapse,
        // insert and write-zeroes never with it.
        switch (mode & MODES) {
            case 0, UNSHARE_RANGE, ZERO_RANGE -> { }
            case PUNCH_HOLE -> { if ((mode & KEEP_SIZE) == 0) return -Errno.EOPNOTSUPP; }
            case COLLAPSE_RANGE, INSERT_RANGE, WRITE_ZEROES -> { if ((mode & KEEP_SIZE) != 0) return -Errno.EOPNOTSUPP; }
            default -> { return -Errno.EOPNOTSUPP; }
        }
        if (!f.writable()) return -Errno.EBADF;
        if (f.file() instanceof PipeEnd) return -Errno.ESPIPE;
        if (!(f.file() instanceof OpenFile of) || !(of.inode() instanceof RegularFile r)) return -Errno.ENODEV;
        if (off + len < 0) return -Errno.EFBIG;
        if ((mode & ~(PUNCH_HOLE | KEEP_SIZE)) != 0) return -Errno.EOPNOTSUPP;   // shmem_fallocate's two
        boolean punch = (mode & PUNCH_HOLE) != 0;
        if (!punch) {
            // inode_newsize_ok, even with FALLOC_FL_KEEP_SIZE: past RLIMIT_FSIZE is SIGXFSZ and EFBIG.
            long limit = t.rlimCur()[Rlimit.FSIZE];
            if (limit != Rlimit.INFINITY && Long.compareUnsigned(off + len, limit) > 0) {
                k.signal(t, dev.vitrine.proc.Signals.SIGXFSZ);
                return -Errno.EFBIG;
            }
        }
        r.fallocate(off, len, (mode & KEEP_SIZE) != 0, punch);
        return 0;
    }
}
