package dev.vitrine.sys;

import dev.vitrine.fs.Errno;
import dev.vitrine.proc.Kernel;
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
        t.add(113, "clock_gettime", (k, task, clk, tp, a2, a3, a4, a5) -> clockGettime(k, task, (int) clk, tp), INT, PTR);
        t.add(114, "clock_getres", (k, task, clk, tp, a2, a3, a4, a5) -> clockGetres(task, (int) clk, tp), INT, PTR);
        t.add(169, "gettimeofday", (k, task, tv, tz, a2, a3, a4, a5) -> gettimeofday(k, task, tv), PTR, PTR);
        t.add(101, "nanosleep", (k, task, req, rem, a2, a3, a4, a5) -> sleep(k, task, CLOCK_MONOTONIC, 0, req), PTR, PTR);
        t.add(115, "clock_nanosleep",
                (k, task, clk, flags, req, rem, a4, a5) -> sleep(k, task, (int) clk, (int) flags, req), INT, HEX, PTR, PTR);
    }

    /** Nanoseconds on {@code clk}, or -1 for a clock Linux does not have. */
    static long read(Kernel k, Task t, int clk) {
        return switch (clk) {
            case CLOCK_REALTIME, CLOCK_REALTIME_COARSE, CLOCK_TAI -> k.clock().realtime();
            case CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME -> k.clock().now();
            case CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID -> t.instructions();
            default -> -1;
        };
    }

    private static long clockGettime(Kernel k, Task t, int clk, long tp) {
        long ns = read(k, t, clk);
        if (ns < 0) return -Errno.EINVAL;
        return t.memory().write(tp, Abi.timespec(ns)) ? 0 : -Errno.EFAULT;
    }

    private static long clockGetres(Task t, int clk, long tp) {
        if (clk < 0 || clk > CLOCK_TAI || clk == 8 || clk == 9 || clk == 10) return -Errno.EINVAL;
        if (tp == 0) return 0;
        return t.memory().write(tp, Abi.timespec(1)) ? 0 : -Errno.EFAULT;
    }

    private static long gettimeofday(Kernel k, Task t, long tv) {
        if (tv == 0) return 0;
        return t.memory().write(tv, Abi.timeval(k.clock().realtime())) ? 0 : -Errno.EFAULT;
    }

    /** With one process the machine is idle while it sleeps, so time jumps to the wake-up. */
    private static long sleep(Kernel k, Task t, int clk, int flags, long req) {
        Long sec = t.memory().readLong(req), nsec = t.memory().readLong(req + 8);
        if (sec == null || nsec == null) return -Errno.EFAULT;
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return -Errno.EINVAL;
        long now = read(k, t, clk);
        if (now < 0 || clk == CLOCK_THREAD_CPUTIME_ID) return -Errno.EINVAL;
        long want = sec * 1_000_000_000L + nsec;
        long delta = (flags & TIMER_ABSTIME) != 0 ? want - now : want;
        if (delta > 0) k.clock().advance(delta);
        return 0;
    }
}
