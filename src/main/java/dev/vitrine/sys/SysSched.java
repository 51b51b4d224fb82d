package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Nice;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** Scheduling calls: yield, nice values (setpriority/getpriority), and the one-CPU affinity and policy queries. */
final class SysSched {
    private SysSched() {}

    static void register(SyscallTable t, Services s) {
        t.add(124, "sched_yield", (k, task, a0, a1, a2, a3, a4, a5) -> { k.yield(task); return 0; });
        t.add(140, "setpriority", (k, task, which, who, prio, a3, a4, a5) -> Nice.set(k, task, (int) which, (int) who, (int) prio), INT, INT, INT);
        t.add(141, "getpriority", (k, task, which, who, a2, a3, a4, a5) -> Nice.get(k, task, (int) which, (int) who), INT, INT);
        t.add(123, "sched_getaffinity", (k, task, pid, size, mask, a3, a4, a5) -> getaffinity(k, task, (int) pid, size, mask), PID, UINT, PTR);
        t.add(120, "sched_getscheduler", (k, task, pid, a1, a2, a3, a4, a5) -> pid < 0 ? -Errno.EINVAL : k.process((int) (pid == 0 ? task.pid() : pid)) == null ? -Errno.ESRCH : 0, PID);
    }

    /** One CPU: bit 0. The kernel writes whole longs and returns how many bytes it wrote. */
    private static long getaffinity(Kernel k, Task t, int pid, long size, long mask) {
        // Linux compares len * 8 with nr_cpu_ids in unsigned int arithmetic: a len of 2^29 or 2^30 wraps to 0 bits.
        if (((size * 8) & 0xffff_ffffL) < 1 || (size & 7) != 0) return -Errno.EINVAL;
        if (pid < 0 || pid != 0 && pid != Kernel.INIT_PID && k.thread(pid) == null) return -Errno.ESRCH;   // init: the one CPU too
        return t.memory().writeLong(mask, 1) ? 8 : -Errno.EFAULT;
    }
}
