package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Fork;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** clone and clone3 (fork, vfork and pthread_create all come here on riscv64). */
final class SysClone {
    private SysClone() {}

    static void register(SyscallTable t, Services s) {
        // riscv64 argument order: flags, stack, parent_tid, tls, child_tid.
        t.add(220, "clone", (k, task, flags, stack, ptid, tls, ctid, a5) -> {
            if ((flags & Fork.CLONE_PIDFD) != 0) k.setFileWakeup(s.vfs().wakeup());   // its pidfd polls through the tree's wakeup
            return Fork.clone(k, task, new Fork.Args(flags & ~0xffL, stack, ptid, tls, ctid, (int) (flags & 0xff), ptid));
        }, CLONE_FLAGS, PTR, PTR, PTR, PTR);
        t.add(435, "clone3", (k, task, args, size, a2, a3, a4, a5) -> clone3(k, s, task, args, size), CLONE_ARGS, SIZE);
    }

    /** struct clone_args: flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size, tls, set_tid, set_tid_size, cgroup. */
    private static long clone3(Kernel k, Services s, Task t, long va, long size) {
        if (size < 64 || size > 4096) return -Errno.EINVAL;
        long[] f = new long[8];
        for (int i = 0; i < 8; i++) {
            Long v = t.memory().readLong(va + 8L * i);
            if (v == null) return -Errno.EFAULT;
            f[i] = v;
        }
        long flags = f[0], exitSignal = f[4], stack = f[5], stackSize = f[6];
        if ((flags & 0xff) != 0 || exitSignal < 0 || exitSignal > 64) return -Errno.EINVAL;
        if ((flags & Fork.CLONE_PIDFD) != 0) k.setFileWakeup(s.vfs().wakeup());
        if ((stack == 0) != (stackSize == 0)) return -Errno.EINVAL;
        // clone3 gives the stack's lowest address and size; the new sp is its top.
        long sp = stack == 0 ? 0 : stack + stackSize;
        return Fork.clone(k, t, new Fork.Args(flags, sp, f[3], f[7], f[2], (int) exitSignal, f[1]));
    }
}
