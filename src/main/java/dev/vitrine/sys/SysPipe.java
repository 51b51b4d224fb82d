package dev.vitrine.sys;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Errno;
import dev.vitrine.fs.FileDescription;
import dev.vitrine.fs.PipeEnd;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;

import static dev.vitrine.sys.Arg.*;
import static dev.vitrine.abi.Fcntl.*;

/** pipe2: a pipe's two ends as the two lowest free descriptors. */
final class SysPipe {
    private SysPipe() {}


    static void register(SyscallTable t, Services s) {
        t.add(59, "pipe2", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, fds, flags, a2, a3, a4, a5) -> pipe2(s, task, fds, (int) flags), FD_PAIR, FD_FLAGS);
    }

    static long pipe2(Services s, Task t, long fdsVa, int flags) {
        if ((flags & ~(O_NONBLOCK | O_CLOEXEC | O_DIRECT)) != 0) return -Errno.EINVAL;
        PipeEnd[] ends = PipeEnd.pipe(s.vfs(), t.cred().fsuid(), t.cred().fsgid());
        boolean cloexec = (flags & O_CLOEXEC) != 0;
        int nb = flags & O_NONBLOCK;
        String name = "pipe:[" + ends[0].stat().ino() + "]";
        FileDescription r = new FileDescription(ends[0], Fcntl.O_RDONLY | nb).withPath(name);
        // O_DIRECT (packet mode) is the write end's: its writes make packets, which any read takes one at a time
        FileDescription w = new FileDescription(ends[1], Fcntl.O_WRONLY | nb | (flags & O_DIRECT)).withPath(name);
        int rfd = t.fds().allocate(r, 0, cloexec);
        if (rfd < 0) { r.release(); w.release(); return rfd; }
        int wfd = t.fds().allocate(w, 0, cloexec);
        if (wfd < 0) { t.fds().close(rfd); w.release(); return wfd; }
        byte[] out = Abi.buffer(8).putInt(rfd).putInt(wfd).array();
        if (!t.memory().write(fdsVa, out)) {
            t.fds().close(rfd);
            t.fds().close(wfd);
            return -Errno.EFAULT;
        }
        return 0;
    }
}
