package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.SignalFd;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;

/** signalfd4 (fs/signalfd.c): a new signalfd for a mask, or a new mask for one (fd not -1). */
final class SysSignalFd {
    private SysSignalFd() {}

    static void register(SyscallTable t, Services s) {
        t.add(74, "signalfd4", (k, task, fd, mask, size, flags, a4, a5) -> signalfd4(k, s, task, (int) fd, mask, size, (int) flags), FD, SIGSET_IN, SIZE, FLAGS);
    }

    static long signalfd4(Kernel k, Services s, Task t, int fd, long maskVa, long size, int flags) {
        if (size != 8) return -Errno.EINVAL;
        Long mask = t.memory().readLong(maskVa);
        if (mask == null) return -Errno.EFAULT;
        if ((flags & ~(O_CLOEXEC | O_NONBLOCK)) != 0) return -Errno.EINVAL;
        k.setFileWakeup(s.vfs().wakeup());
        if (fd != -1) {
            FileDescription d = t.fds().get(fd);
            if (d == null || d.file() instanceof dev.vitrine.fs.PathFile) return -Errno.EBADF;
            if (!(d.file() instanceof SignalFd sfd)) return -Errno.EINVAL;
            sfd.setMask(mask);
            return fd;
        }
        SignalFd sfd = new SignalFd(k, t, 0);
        sfd.setMask(mask);
        FileDescription d = new FileDescription(sfd, O_RDWR | (flags & O_NONBLOCK)).withPath("anon_inode:[signalfd]");
        int nfd = t.fds().allocate(d, 0, (flags & O_CLOEXEC) != 0);
        if (nfd < 0) d.release();
        return nfd;
    }
}
