package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.PidFd;
import dev.vitrine.proc.SigInfo;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.abi.Fcntl.*;
import static dev.vitrine.sys.Arg.*;

/**
 * pidfd_open, pidfd_send_signal and pidfd_getfd (kernel/pid.c, kernel/signal.c) over
 * {@link PidFd}; a pidfd is always close-on-exec, PIDFD_NONBLOCK is O_NONBLOCK. The
 * per-thread pidfds and the scope flags of Linux 6.9 are not modelled (EINVAL).
 */
final class SysPidFd {
    private SysPidFd() {}

    static void register(SyscallTable t, Services s) {
        t.add(434, "pidfd_open", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, pid, flags, a2, a3, a4, a5) -> open(k, s, task, (int) pid, (int) flags), PID, FLAGS);
        t.add(424, "pidfd_send_signal", Syscall.Result.DEC, Syscall.Status.PARTIAL, (k, task, fd, sig, info, flags, a4, a5) -> send(k, task, (int) fd, (int) sig, info, (int) flags), FD, SIG, PTR, FLAGS);
        t.add(438, "pidfd_getfd", (k, task, fd, target, flags, a3, a4, a5) -> getfd(task, (int) fd, (int) target, (int) flags), FD, INT, FLAGS);
    }

    static long open(Kernel k, Services s, Task t, int pid, int flags) {
        if ((flags & ~O_NONBLOCK) != 0) return -Errno.EINVAL;
        if (pid <= 0) return -Errno.EINVAL;
        Object r = PidFd.open(k, pid);
        if (r instanceof Long e) return e;
        k.setFileWakeup(s.vfs().wakeup());
        FileDescription d = new FileDescription((PidFd) r, O_RDWR | (flags & O_NONBLOCK)).withPath("anon_inode:[pidfd]");
        int fd = t.fds().allocate(d, 0, true);
        if (fd < 0) d.release();
        return fd;
    }

    private static PidFd pidfd(Task t, int fd) {
        FileDescription d = t.fds().get(fd);
        return d != null && d.file() instanceof PidFd p ? p : null;
    }

    static long send(Kernel k, Task t, int fd, int sig, long infoVa, int flags) {
        if (flags != 0) return -Errno.EINVAL;
        PidFd p = pidfd(t, fd);
        if (p == null) return -Errno.EBADF;
        SigInfo info = null;
        if (infoVa != 0) {
            byte[] b = new byte[128];
            if (!t.memory().read(infoVa, b, 0, 128)) return -Errno.EFAULT;
            ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            if (buf.getInt(0) != sig) return -Errno.EINVAL;
            info = SigInfo.queue(sig, buf.getInt(8), buf.getInt(16), buf.getInt(20), buf.getLong(24));
        }
        return p.send(k, t, sig, info);
    }

    static long getfd(Task t, int fd, int target, int flags) {
        if (flags != 0) return -Errno.EINVAL;
        PidFd p = pidfd(t, fd);
        if (p == null) return -Errno.EBADF;
        Object r = p.fileOf(t, target);
        if (r instanceof Long e) return e;
        FileDescription d = ((FileDescription) r).retain();
        int nfd = t.fds().allocate(d, 0, true);
        if (nfd < 0) d.release();
        return nfd;
    }
}
