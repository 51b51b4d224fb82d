package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Nice;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** Scheduling calls: yield, nice values (setpriority/getpriority), the one-CPU affinity, and the policy queries of a machine where every task is SCHED_NORMAL. */
final class SysSched {
    private SysSched() {}

    static void register(SyscallTable t, Services s) {
        t.add(124, "sched_yield", (k, task, a0, a1, a2, a3, a4, a5) -> { k.yield(task); return 0; });
        t.add(140, "setpriority", (k, task, which, who, prio, a3, a4, a5) -> Nice.set(k, task, (int) which, (int) who, (int) prio), INT, INT, INT);
        t.add(141, "getpriority", (k, task, which, who, a2, a3, a4, a5) -> Nice.get(k, task, (int) which, (int) who), INT, INT);
        t.add(123, "sched_getaffinity", (k, task, pid, size, mask, a3, a4, a5) -> getaffinity(k, task, (int) pid, size, mask), PID, UINT, PTR);
        t.add(120, "sched_getscheduler", (k, task, pid, a1, a2, a3, a4, a5) -> (int) pid < 0 ? -Errno.EINVAL : target(k, task, (int) pid) == null ? -Errno.ESRCH : SCHED_NORMAL, PID);
        t.add(121, "sched_getparam", (k, task, pid, param, a2, a3, a4, a5) -> getparam(k, task, (int) pid, param), PID, PTR);
        t.add(118, "sched_setparam", (k, task, pid, param, a2, a3, a4, a5) -> setparam(k, task, (int) pid, param), PID, PTR);
        t.add(125, "sched_get_priority_max", (k, task, policy, a1, a2, a3, a4, a5) -> priority((int) policy, 99), INT);
        t.add(126, "sched_get_priority_min", (k, task, policy, a1, a2, a3, a4, a5) -> priority((int) policy, 1), INT);
        t.add(127, "sched_rr_get_interval", (k, task, pid, tp, a2, a3, a4, a5) -> rrInterval(k, task, (int) pid, tp), PID, TIMESPEC_OUT);
    }

    /** The policies of Linux 6.1's sched.h; every task here is SCHED_NORMAL with static priority 0. */
    static final int SCHED_NORMAL = 0, SCHED_FIFO = 1, SCHED_RR = 2, SCHED_BATCH = 3, SCHED_IDLE = 5, SCHED_DEADLINE = 6;

    /** find_process_by_pid: the caller for 0, else any thread by its id, init's included; null if none. */
    private static dev.vitrine.abi.Cred target(Kernel k, Task t, int pid) {
        if (pid == 0) return t.cred();
        if (pid == Kernel.INIT_PID) return dev.vitrine.abi.Cred.root();
        Task x = k.thread(pid);
        return x == null ? null : x.cred();
    }

    /** sched_get_priority_max/min: FIFO and RR have 1 to 99, the others only 0 (SCHED_EXT came after 6.1). */
    private static long priority(int policy, int rt) {
        return switch (policy) {
            case SCHED_FIFO, SCHED_RR -> rt;
            case SCHED_NORMAL, SCHED_BATCH, SCHED_IDLE, SCHED_DEADLINE -> 0;
            default -> -Errno.EINVAL;
        };
    }

    /** sched_getparam: a normal task's sched_priority is 0. */
    private static long getparam(Kernel k, Task t, int pid, long param) {
        if (param == 0 || pid < 0) return -Errno.EINVAL;
        if (target(k, t, pid) == null) return -Errno.ESRCH;
        return t.memory().write(param, new byte[4]) ? 0 : -Errno.EFAULT;
    }

    /**
     * sched_setparam keeps the policy, so for a normal task only priority 0 is valid (EINVAL
     * otherwise) and nothing changes; another user's task is EPERM without CAP_SYS_NICE
     * (__sched_setscheduler's check_same_owner).
     */
    private static long setparam(Kernel k, Task t, int pid, long param) {
        if (param == 0 || pid < 0) return -Errno.EINVAL;
        byte[] raw = new byte[4];
        if (!t.memory().read(param, raw, 0, 4)) return -Errno.EFAULT;
        dev.vitrine.abi.Cred c = target(k, t, pid);
        if (c == null) return -Errno.ESRCH;
        if ((raw[0] | raw[1] | raw[2] | raw[3]) != 0) return -Errno.EINVAL;
        dev.vitrine.abi.Cred me = t.cred();
        if (!me.capable(dev.vitrine.abi.Cred.CAP_SYS_NICE) && me.euid() != c.euid() && me.euid() != c.uid()) return -Errno.EPERM;
        return 0;
    }

    /** The task's time slice: the machine's quantum, an instruction a nanosecond (CFS's slice on Linux). */
    private static long rrInterval(Kernel k, Task t, int pid, long tp) {
        if (pid < 0) return -Errno.EINVAL;
        if (target(k, t, pid) == null) return -Errno.ESRCH;
        return t.memory().write(tp, Abi.timespec(k.quantum())) ? 0 : -Errno.EFAULT;
    }

    /** One CPU: bit 0. The kernel writes whole longs and returns how many bytes it wrote. */
    private static long getaffinity(Kernel k, Task t, int pid, long size, long mask) {
        // Linux compares len * 8 with nr_cpu_ids in unsigned int arithmetic: a len of 2^29 or 2^30 wraps to 0 bits.
        if (((size * 8) & 0xffff_ffffL) < 1 || (size & 7) != 0) return -Errno.EINVAL;
        if (pid < 0 || pid != 0 && pid != Kernel.INIT_PID && k.thread(pid) == null) return -Errno.ESRCH;   // init: the one CPU too
        return t.memory().writeLong(mask, 1) ? 8 : -Errno.EFAULT;
    }
}
