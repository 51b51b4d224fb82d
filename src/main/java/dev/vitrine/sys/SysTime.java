package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Alarm;
import dev.vitrine.proc.CpuTimers;
import dev.vitrine.proc.Continuation;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.RestartPolicy;
import dev.vitrine.proc.Task;

import static dev.vitrine.sys.Arg.*;

/** Clocks and sleeping, all on the virtual clock. */
final class SysTime {
    private SysTime() {}

    private static final int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME_ID = 2,
            CLOCK_THREAD_CPUTIME_ID = 3, CLOCK_MONOTONIC_RAW = 4, CLOCK_REALTIME_COARSE = 5,
            CLOCK_MONOTONIC_COARSE = 6, CLOCK_BOOTTIME = 7, CLOCK_TAI = 11;
    private static final int TIMER_ABSTIME = 1;

    static void register(SyscallTable t, Services s) {
        t.add(113, "clock_gettime", (k, task, clk, tp, a2, a3, a4, a5) -> clockGettime(k, task, (int) clk, tp), CLOCK, TIMESPEC_OUT);
        t.add(112, "clock_settime", (k, task, clk, tp, a2, a3, a4, a5) -> clockSettime(k, task, (int) clk, tp), CLOCK, TIMESPEC_IN);
        t.add(114, "clock_getres", (k, task, clk, tp, a2, a3, a4, a5) -> clockGetres(k, task, (int) clk, tp), CLOCK, TIMESPEC_OUT);
        t.add(169, "gettimeofday", (k, task, tv, tz, a2, a3, a4, a5) -> gettimeofday(k, task, tv, tz), PTR, PTR);
        t.add(101, "nanosleep", RestartPolicy.RESTARTNOHAND, (k, task, req, rem, a2, a3, a4, a5) -> sleep(k, task, CLOCK_MONOTONIC, 0, req, rem), TIMESPEC_IN, PTR);
        t.add(115, "clock_nanosleep", RestartPolicy.RESTARTNOHAND,
                (k, task, clk, flags, req, rem, a4, a5) -> sleep(k, task, (int) clk, (int) flags, req, rem), CLOCK, TIMER_FLAGS, TIMESPEC_IN, PTR);
        t.add(102, "getitimer", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, which, cur, a2, a3, a4, a5) -> getitimer(k, task, (int) which, cur), INT, PTR);
        t.add(103, "setitimer", Syscall.Result.DEC, Syscall.Status.PARTIAL,
                (k, task, which, nw, old, a3, a4, a5) -> setitimer(k, task, (int) which, nw, old), INT, PTR, PTR);
    }

    /** Nanoseconds on {@code clk}, or -1 for a clock Linux does not have. */
    static long read(Kernel k, Task t, int clk) {
        return switch (clk) {
            case CLOCK_REALTIME, CLOCK_REALTIME_COARSE, CLOCK_TAI -> k.clock().realtime();
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME -> k.clock().now();
            case CLOCK_PROCESS_CPUTIME_ID -> t.process().cpu();
            case CLOCK_THREAD_CPUTIME_ID -> t.instructions();
            default -> clk < 0 ? cpuClock(k, t, clk) : -1;
        };
    }

    /**
     * A CPU-time clock of another process or thread, as clock_getcpuclockid and
     * pthread_getcpuclockid make them: ~pid << 3, bit 2 for a thread, the low two bits
     * PROF/VIRT/SCHED (3 is a file descriptor's clock, which Vitrine has none of). Time is CPU
     * time whichever of the three; -1 (EINVAL) when there is no such process or the thread is
     * not one of the caller's, as posix-cpu-timers.c's lookup answers.
     */
    private static long cpuClock(Kernel k, Task t, int clk) {
        if ((clk & 3) == 3) return -1;
        int id = ~(clk >> 3);
        if ((clk & 4) != 0) {
            Task x = id == 0 ? t : k.thread(id);
            return x != null && x.process() == t.process() ? x.instructions() : -1;
        }
        dev.vitrine.proc.Process p = id == 0 ? t.process() : k.process(id);
        return p != null ? p.cpu() : -1;
    }

    private static long clockGettime(Kernel k, Task t, int clk, long tp) {
        long ns = read(k, t, clk);
        if (ns < 0) return -Errno.EINVAL;
        return t.memory().write(tp, Abi.timespec(ns)) ? 0 : -Errno.EFAULT;
    }

    /** timespec64_valid_settod's bound: KTIME_SEC_MAX less 30 years of uptime. */
    private static final long TIME_SETTOD_SEC_MAX = Long.MAX_VALUE / 1_000_000_000L - 30L * 365 * 86400;

    /**
     * clock_settime: only CLOCK_REALTIME has a clock_set (the other clocks are EINVAL, a CPU
     * clock EPERM once its task is found); then, as do_sys_settimeofday64 checks, a time before
     * 1970 or a bad nsec is EINVAL, no CAP_SYS_TIME EPERM, and a time before the monotonic
     * clock's (before boot) EINVAL. Root sets the machine's own wall clock: file times, gettimeofday
     * and /proc/stat's btime follow; timers already armed on an absolute CLOCK_REALTIME time keep
     * the instant they were armed for (Linux would move them).
     */
    private static long clockSettime(Kernel k, Task t, int clk, long tp) {
        boolean cpu = clk < 0 && (clk & 3) != 3;
        if (clk != CLOCK_REALTIME && !cpu) return -Errno.EINVAL;
        Long sec = t.memory().readLong(tp), nsec = t.memory().readLong(tp + 8);
        if (sec == null || nsec == null) return -Errno.EFAULT;
        if (cpu) return cpuClock(k, t, clk) < 0 ? -Errno.EINVAL : -Errno.EPERM;   // posix_cpu_clock_set
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L || sec >= TIME_SETTOD_SEC_MAX) return -Errno.EINVAL;
        if (!t.cred().capable(dev.vitrine.abi.Cred.CAP_SYS_TIME)) return -Errno.EPERM;
        long ns = sec * 1_000_000_000L + nsec;
        if (Long.compareUnsigned(ns, k.clock().now()) < 0 || sec > Long.MAX_VALUE / 1_000_000_000L - 1) return -Errno.EINVAL;
        k.clock().setRealtime(ns);
        return 0;
    }

    private static long clockGetres(Kernel k, Task t, int clk, long tp) {
        if (clk < 0 ? cpuClock(k, t, clk) < 0 : clk > CLOCK_TAI || clk == 8 || clk == 9 || clk == 10) return -Errno.EINVAL;
        if (tp == 0) return 0;
        // the coarse clocks tick (LOW_RES_NSEC, a jiffy at Debian's HZ 250, as CpuTimers' tick); the others are exact
        long res = clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE ? 4_000_000 : 1;
        return t.memory().write(tp, Abi.timespec(res)) ? 0 : -Errno.EFAULT;
    }

    /** The time, then the kernel's struct timezone (minutes west 0, dst 0: no settimeofday sets it). */
    private static long gettimeofday(Kernel k, Task t, long tv, long tz) {
        if (tv != 0 && !t.memory().write(tv, Abi.timeval(k.clock().realtime()))) return -Errno.EFAULT;
        if (tz != 0 && !t.memory().write(tz, new byte[8])) return -Errno.EFAULT;
        return 0;
    }

    /**
     * nanosleep and clock_nanosleep: a timer on the virtual clock wakes the task; meanwhile
     * others run, or idle time jumps to the deadline. A handler cuts it short with EINTR and
     * the time left in rem (relative sleeps only).
     */
    private static long sleep(Kernel k, Task t, int clk, int flags, long req, long rem) {
        if (t.continuation() instanceof Continuation.Nanosleep c) {
            if (k.clock().now() >= c.deadline()) return 0;
            k.sleepTimed(t, t, c.deadline(), "sleep");
            return Syscall.RESTART;
        }
        // clock_nanosleep's order: an unknown clock, a clock without nsleep (a thread's CPU time), then the timespec
        long now = read(k, t, clk);
        if (now < 0 || clk < 0 || clk == CLOCK_PROCESS_CPUTIME_ID) return -Errno.EINVAL;
        if (clk == CLOCK_THREAD_CPUTIME_ID) return -Errno.ENOTSUP;
        Long sec = t.memory().readLong(req), nsec = t.memory().readLong(req + 8);
        if (sec == null || nsec == null) return -Errno.EFAULT;
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return -Errno.EINVAL;
        long want = Math.min(sec, Long.MAX_VALUE / 4_000_000_000L) * 1_000_000_000L + nsec;
        boolean abs = (flags & TIMER_ABSTIME) != 0;
        long delta = abs ? want - now : want;
        if (delta <= 0) return 0;
        long deadline = k.clock().now() + delta;
        t.setContinuation(new Continuation.Nanosleep(deadline, abs ? 0 : rem));
        k.sleepTimed(t, t, deadline, String.format("sleep of %.3f s", delta / 1e9));
        return Syscall.RESTART;
    }

    private static final int ITIMER_REAL = 0;

    private static long getitimer(Kernel k, Task t, int which, long cur) {
        if (which < ITIMER_REAL || which > CpuTimers.ITIMER_PROF) return -Errno.EINVAL;
        long[] v = which == ITIMER_REAL ? Alarm.get(k, t.process()) : CpuTimers.get(t.process(), which);
        return t.memory().write(cur, itimerval(v[1], v[0])) ? 0 : -Errno.EFAULT;
    }

    private static long setitimer(Kernel k, Task t, int which, long nw, long old) {
        if (which < ITIMER_REAL || which > CpuTimers.ITIMER_PROF) return -Errno.EINVAL;
        long interval = 0, value = 0;
        if (nw != 0) {
            Long is = t.memory().readLong(nw), ius = t.memory().readLong(nw + 8), vs = t.memory().readLong(nw + 16), vus = t.memory().readLong(nw + 24);
            if (is == null || ius == null || vs == null || vus == null) return -Errno.EFAULT;
            if (is < 0 || vs < 0 || ius < 0 || ius >= 1_000_000 || vus < 0 || vus >= 1_000_000) return -Errno.EINVAL;
            // Linux's ktime_set saturates a time past KTIME_MAX: such a timer never fires, it does not wrap.
            interval = Math.min(is, Long.MAX_VALUE / 4_000_000_000L) * 1_000_000_000L + ius * 1000;
            value = Math.min(vs, Long.MAX_VALUE / 4_000_000_000L) * 1_000_000_000L + vus * 1000;
        }
        long[] was = which != ITIMER_REAL
                ? (nw != 0 ? CpuTimers.set(t.process(), which, value, interval) : CpuTimers.get(t.process(), which))
                : nw != 0 ? Alarm.set(k, t.process(), value, interval) : Alarm.get(k, t.process());
        if (old != 0 && !t.memory().write(old, itimerval(was[1], was[0]))) return -Errno.EFAULT;
        return 0;
    }

    /** struct itimerval: it_interval then it_value, each a timeval; times round up to whole microseconds. */
    private static byte[] itimerval(long interval, long value) {
        var b = Abi.buffer(32);
        long iu = (interval + 999) / 1000, vu = (value + 999) / 1000;
        b.putLong(iu / 1_000_000).putLong(iu % 1_000_000).putLong(vu / 1_000_000).putLong(vu % 1_000_000);
        return b.array();
    }
}
