package dev.vitrine.sys;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.abi.Errno;
import dev.vitrine.abi.Uts;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.Groups;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** Process identity, limits, exit and the calls glibc makes at start-up. */
final class SysProc {
    private SysProc() {}

    private static final int RSEQ_SIZE = 32, RSEQ_FLAG_UNREGISTER = 1;
    /** fs.nr_open: the most descriptors a process may be allowed. */
    private static final long NR_OPEN = 1 << 20;

    static void register(SyscallTable t, Services s) {
        t.add(93, "exit", Syscall.Result.NONE, Syscall.Status.IMPLEMENTED,
                (k, task, code, a1, a2, a3, a4, a5) -> { k.exitThread(task, (int) code); return Syscall.NO_RETURN; }, INT);
        t.add(94, "exit_group", Syscall.Result.NONE, Syscall.Status.IMPLEMENTED,
                (k, task, code, a1, a2, a3, a4, a5) -> { k.exit(task, (int) code); return Syscall.NO_RETURN; }, INT);
        t.add(172, "getpid", (k, task, a0, a1, a2, a3, a4, a5) -> task.pid());
        t.add(173, "getppid", (k, task, a0, a1, a2, a3, a4, a5) -> task.ppid());
        t.add(178, "gettid", (k, task, a0, a1, a2, a3, a4, a5) -> task.tid());
        t.add(96, "set_tid_address", (k, task, p, a1, a2, a3, a4, a5) -> { task.setClearChildTid(p); return task.tid(); }, PTR);
        t.add(99, "set_robust_list", (k, task, head, len, a2, a3, a4, a5) -> {
            if (len != 24) return -Errno.EINVAL;
            task.setRobustList(head);
            return 0;
        }, PTR, SIZE);
        t.add(293, "rseq", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, p, len, flags, sig, a4, a5) -> rseq(task, p, len, (int) flags), PTR, UINT, FLAGS, FLAGS);
        t.add(261, "prlimit64", (k, task, pid, res, nw, old, a4, a5) -> prlimit(k, task, (int) pid, (int) res, nw, old), PID, RLIMIT_RES, RLIMIT_IN, RLIMIT_OUT);
        t.add(163, "getrlimit", (k, task, res, old, a2, a3, a4, a5) -> prlimit(k, task, 0, (int) res, 0, old), RLIMIT_RES, RLIMIT_OUT);
        t.add(164, "setrlimit", (k, task, res, nw, a2, a3, a4, a5) -> prlimit(k, task, 0, (int) res, nw, 0), RLIMIT_RES, RLIMIT_IN);
        t.add(160, "uname", (k, task, buf, a1, a2, a3, a4, a5) -> task.memory().write(buf, Abi.utsname(Uts.SYSNAME, Uts.NODENAME,
                Uts.RELEASE, Uts.VERSION, Uts.MACHINE, Uts.DOMAINNAME)) ? 0 : -Errno.EFAULT, UTSNAME_OUT);
        t.add(278, "getrandom", (k, task, buf, len, flags, a3, a4, a5) -> getrandom(s, task, buf, len, (int) flags), RANDOM_OUT, SIZE, GRND_FLAGS);
        t.add(179, "sysinfo", (k, task, buf, a1, a2, a3, a4, a5) -> sysinfo(k, task, buf), PTR);
        t.add(165, "getrusage", (k, task, who, buf, a2, a3, a4, a5) -> getrusage(task, (int) who, buf), INT, PTR);
        t.add(153, "times", (k, task, buf, a1, a2, a3, a4, a5) -> times(k, task, buf), PTR);
        t.add(154, "setpgid", (k, task, pid, pgid, a2, a3, a4, a5) -> Groups.setpgid(k, task, (int) pid, (int) pgid), PID, PID);
        t.add(155, "getpgid", (k, task, pid, a1, a2, a3, a4, a5) -> Groups.getpgid(k, task, (int) pid), PID);
        t.add(156, "getsid", (k, task, pid, a1, a2, a3, a4, a5) -> Groups.getsid(k, task, (int) pid), PID);
        t.add(157, "setsid", (k, task, a0, a1, a2, a3, a4, a5) -> Groups.setsid(k, task));
        t.add(259, "riscv_flush_icache", (k, task, start, end, flags, a3, a4, a5) -> {
            if ((flags & ~1L) != 0) return -Errno.EINVAL;
            k.hart().flushDecoded();
            return 0;
        }, PTR, PTR, HEX);
    }

    /** struct sysinfo: uptime, loads, memory in units of mem_unit bytes, procs (nr_threads, as /proc/loadavg's). */
    private static long sysinfo(Kernel k, Task t, long buf) {
        var b = Abi.buffer(112);
        long page = k.mmu().geometry().pageSize();
        long[] load = k.loadAverages();   // sysinfo's loads are in 1 << SI_LOAD_SHIFT (16), avenrun in 1 << FSHIFT (11)
        b.putLong(k.clock().now() / 1_000_000_000L).putLong(load[0] << 5).putLong(load[1] << 5).putLong(load[2] << 5)
                .putLong(k.frames().total() * page).putLong(k.frames().free() * page).putLong(0).putLong(0)
                .putLong(0).putLong(0).putShort((short) k.nrThreads()).putShort((short) 0).putInt(0)
                .putLong(0).putLong(0).putInt(1);
        return t.memory().write(buf, b.array()) ? 0 : -Errno.EFAULT;
    }

    private static final int RUSAGE_SELF = 0, RUSAGE_CHILDREN = -1, RUSAGE_THREAD = 1;

    /** User time is the instructions retired (1 ns each); system time and the rest are 0. */
    private static long getrusage(Task t, int who, long buf) {
        long ns = switch (who) {
            case RUSAGE_SELF -> t.process().cpu();
            case RUSAGE_CHILDREN -> t.process().childCpu();
            case RUSAGE_THREAD -> t.instructions();
            default -> -1;
        };
        if (ns < 0) return -Errno.EINVAL;
        // getrusage's ru_minflt/ru_majflt: the faults of this process's address space, or of its waited-for children.
        dev.vitrine.mm.MemStats ms = t.process().memStats();
        long min = who == RUSAGE_CHILDREN ? t.process().childMinorFaults() : ms == null ? 0 : ms.minorFaults;
        long maj = who == RUSAGE_CHILDREN ? t.process().childMajorFaults() : ms == null ? 0 : ms.majorFaults;
        return t.memory().write(buf, dev.vitrine.proc.Wait.rusage(ns, min, maj)) ? 0 : -Errno.EFAULT;
    }

    /** struct tms in clock ticks (USER_HZ 100); the result is the uptime in ticks. */
    private static long times(Kernel k, Task t, long buf) {
        long tick = 10_000_000L;
        if (buf != 0 && !t.memory().write(buf, Abi.longs(t.process().cpu() / tick, 0, t.process().childCpu() / tick, 0)))
            return -Errno.EFAULT;
        return k.clock().now() / tick;
    }

    private static long rseq(Task t, long addr, long len, int flags) {
        if ((flags & RSEQ_FLAG_UNREGISTER) != 0) {
            if (t.rseq() == 0 || t.rseq() != addr) return -Errno.EINVAL;
            t.setRseq(0);
            return 0;
        }
        if (flags != 0 || len != RSEQ_SIZE || (addr & 31) != 0) return -Errno.EINVAL;
        if (t.rseq() != 0) return t.rseq() == addr ? -Errno.EBUSY : -Errno.EINVAL;
        // One CPU: cpu_id_start and cpu_id are 0 and never change.
        if (!t.memory().writeLong(addr, 0)) return -Errno.EFAULT;
        t.setRseq(addr);
        return 0;
    }

    /**
     * prlimit64 on the caller or (with pid) another process: check_prlimit_permission lets a
     * caller whose real uid and gid are all of the target's real, effective and saved ones, or
     * CAP_SYS_RESOURCE; the new limits are checked against the caller's capabilities.
     */
    private static long prlimit(Kernel k, Task t, int pid, int res, long newVa, long oldVa) {
        dev.vitrine.proc.Process p = pid == 0 ? t.process() : k.process(pid);
        // A reaped or half-built process has no thread; init has none of its own but is there.
        if (p == null || p.threads().isEmpty() && p.pid() != dev.vitrine.proc.Kernel.INIT_PID) return -Errno.ESRCH;
        if (p != t.process()) {
            dev.vitrine.abi.Cred c = t.cred(), tc = p.cred();
            boolean match = c.uid() == tc.uid() && c.uid() == tc.euid() && c.uid() == tc.suid()
                    && c.gid() == tc.gid() && c.gid() == tc.egid() && c.gid() == tc.sgid();
            if (!match && !c.capable(dev.vitrine.abi.Cred.CAP_SYS_RESOURCE)) return -Errno.EPERM;
        }
        if (res < 0 || res >= Rlimit.COUNT) return -Errno.EINVAL;
        long[] limCur = p.rlimCur, limMax = p.rlimMax;
        long cur = 0, max = 0;
        if (newVa != 0) {
            Long c = t.memory().readLong(newVa), m = t.memory().readLong(newVa + 8);
            if (c == null || m == null) return -Errno.EFAULT;
            if (Long.compareUnsigned(c, m) > 0) return -Errno.EINVAL;
            // do_prlimit: RLIMIT_NOFILE's hard limit stops at fs.nr_open for everyone; raising any
            // hard limit needs CAP_SYS_RESOURCE.
            if (res == Rlimit.NOFILE && Long.compareUnsigned(m, NR_OPEN) > 0) return -Errno.EPERM;
            if (Long.compareUnsigned(m, limMax[res]) > 0 && !t.cred().capable(dev.vitrine.abi.Cred.CAP_SYS_RESOURCE))
                return -Errno.EPERM;
            cur = c;
            max = m;
        }
        if (oldVa != 0 && !t.memory().write(oldVa, Abi.longs(limCur[res], limMax[res]))) return -Errno.EFAULT;
        if (newVa != 0) {
            limCur[res] = cur;
            limMax[res] = max;
            if (res == Rlimit.NOFILE && p.fds() != null) p.fds().setLimit((int) (Long.compareUnsigned(cur, 1 << 20) > 0 ? 1 << 20 : cur));
        }
        return 0;
    }

    /**
     * Linux's getrandom: the length is cut to MAX_RW_COUNT, access_ok checks the range, then
     * the bytes are copied a page at a time; a fault part-way returns what was copied.
     */
    private static long getrandom(Services s, Task t, long buf, long len, int flags) {
        if ((flags & ~7) != 0 || (flags & 6) == 6) return -Errno.EINVAL;
        len = Math.min(len, Access.MAX_RW_COUNT);
        if (!Access.ok(t, buf, len)) return -Errno.EFAULT;
        long page = t.space().pageSize();
        long done = 0;
        while (done < len) {
            byte[] b = new byte[(int) Math.min(len - done, page - ((buf + done) & (page - 1)))];
            s.randomBytes(b);
            if (!t.memory().write(buf + done, b)) return done > 0 ? done : -Errno.EFAULT;
            done += b.length;
        }
        return done;
    }
}
