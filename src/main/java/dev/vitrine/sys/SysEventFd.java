package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.EventFd;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.proc.Task;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;

/** eventfd2 (fs/eventfd.c): the counter file with EFD_CLOEXEC, EFD_NONBLOCK and EFD_SEMAPHORE. */
final class SysEventFd {
    private SysEventFd() {}

    static void register(SyscallTable t, Services s) {
        t.add(19, "eventfd2", (k, task, init, flags, a2, a3, a4, a5) -> eventfd2(s, task, init, (int) flags), UINT, FLAGS);
    }

    static long eventfd2(Services s, Task t, long initial, int flags) {
        if ((flags & ~(O_CLOEXEC | O_NONBLOCK | EventFd.EFD_SEMAPHORE)) != 0) return -Errno.EINVAL;
        EventFd e = new EventFd(s.vfs().wakeup(), initial, (flags & EventFd.EFD_SEMAPHORE) != 0);
        FileDescription f = new FileDescription(e, O_RDWR | (flags & O_NONBLOCK)).withPath("anon_inode:[eventfd]");
        int fd = t.fds().allocate(f, 0, (flags & O_CLOEXEC) != 0);
        if (fd < 0) f.release();
        return fd;
    }
}
