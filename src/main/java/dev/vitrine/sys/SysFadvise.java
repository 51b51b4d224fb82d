package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.PathFile;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/**
 * fadvise64 (mm/fadvise.c): advice is checked and accepted; the page cache does not act on it
 * (read-ahead and dropping are not modeled), which Linux also allows. A pipe or FIFO is ESPIPE.
 */
final class SysFadvise {
    private SysFadvise() {}

    static void register(SyscallTable t, Services s) {
        t.add(223, "fadvise64", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, fd, off, len, advice, a4, a5) -> fadvise(task, (int) fd, off, len, (int) advice), FD, OFF, OFF, INT);
    }

    static long fadvise(Task t, int fd, long offset, long len, int advice) {
        FileDescription f = t.fds().get(fd);
        if (f == null || f.file() instanceof PathFile) return -Errno.EBADF;
        if (f.file() instanceof PipeEnd) return -Errno.ESPIPE;
        if (len < 0 || advice < 0 || advice > 5) return -Errno.EINVAL;   // POSIX_FADV_NORMAL..NOREUSE
        return 0;
    }
}
