package dev.vitrine.sys;

import dev.vitrine.abi.Errno;
import dev.vitrine.proc.Kernel;
import dev.vitrine.proc.PosixTimers;
import dev.vitrine.proc.Task;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static dev.vitrine.sys.Arg.*;

/**
 * POSIX timers at the syscall boundary (kernel/time/posix-timers.c): timer_create's clock and
 * sigevent checks, timer_settime/gettime's struct itimerspec, timer_getoverrun, timer_delete;
 * the timers themselves are proc's {@link PosixTimers}. The alarm clocks need CAP_WAKE_ALARM
 * (EPERM); the raw and coarse clocks have no timers (EOPNOTSUPP), as Linux's k_clocks say.
 */
final class SysTimer {
    private SysTimer() {}

    static final int TIMER_ABSTIME = 1;

    static void register(SyscallTable t, Services s) {
        t.add(107, "timer_create", (k, task, clk, ev, id, a3, a4, a5) -> create(k, task, (int) clk, ev, id), CLOCK, PTR, PTR);
        t.add(110, "timer_settime", (k, task, id, flags, nw, old, a4, a5) -> settime(k, task, (int) id, (int) flags, nw, old), INT, FLAGS, PTR, PTR);
        t.add(108, "timer_gettime", (k, task, id, cur, a2, a3, a4, a5) -> gettime(k, task, (int) id, cur), INT, PTR);
        t.add(109, "timer_getoverrun", (k, task, id, a1, a2, a3, a4, a5) ->
                PosixTimers.exists(task.process(), (int) id) ? PosixTimers.overrun(task.process(), (int) id) : -Errno.EINVAL, INT);
        t.add(111, "timer_delete", (k, task, id, a1, a2, a3, a4, a5) -> {
            if (!PosixTimers.exists(task.process(), (int) id)) return -Errno.EINVAL;
            PosixTimers.delete(k, task.process(), (int) id);
            return 0;
        }, INT);
    }

    static long create(Kernel k, Task t, int clk, long evVa, long idVa) {
        PosixTimers.Base base;
        Task clockThread = null;
        switch (clk) {
            case 0, 11 -> base = PosixTimers.Base.REALTIME;
            case 1, 7 -> base = PosixTimers.Base.MONOTONIC;
            case 2 -> { base = PosixTimers.Base.PROCESS_CPU; clockThread = t; }
            case 3 -> { base = PosixTimers.Base.THREAD_CPU; clockThread = t; }
            case 4, 5, 6 -> { return -Errno.EOPNOTSUPP; }
            case 8, 9 -> { return t.cred().capable(35) ? -Errno.EOPNOTSUPP : -Errno.EPERM; }   // CAP_WAKE_ALARM; there is no RTC to wake
            default -> {
                if (clk > 0 || (clk & 3) == 3) return -Errno.EINVAL;
                int id = ~(clk >> 3);
                if ((clk & 4) != 0) {
                    Task x = id == 0 ? t : k.thread(id);
                    if (x == null || x.process() != t.process()) return -Errno.EINVAL;
                    base = PosixTimers.Base.THREAD_CPU;
                    clockThread = x;
                } else {
                    dev.vitrine.proc.Process p = id == 0 ? t.process() : k.process(id);
                    if (p == null || p.threads().isEmpty()) return -Errno.EINVAL;
                    base = PosixTimers.Base.PROCESS_CPU;
                    clockThread = p.threads().get(0);
                }
            }
        }
        int notify = PosixTimers.SIGEV_SIGNAL, signo = 14;   // no sigevent: SIGALRM with the timer's id as value
        long value = 0;
        Task target = null;
        if (evVa != 0) {
            byte[] raw = new byte[64];
            if (!t.memory().read(evVa, raw, 0, 64)) return -Errno.EFAULT;
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            value = b.getLong(0);
            signo = b.getInt(8);
            notify = b.getInt(12);
            // good_sigevent
            switch (notify) {
                case PosixTimers.SIGEV_SIGNAL | PosixTimers.SIGEV_THREAD_ID -> {
                    Task x = k.thread(b.getInt(16));
                    if (x == null || x.process() != t.process()) return -Errno.EINVAL;
                    target = x;
                    if (signo <= 0 || signo > 64) return -Errno.EINVAL;
                }
                case PosixTimers.SIGEV_SIGNAL, PosixTimers.SIGEV_THREAD -> { if (signo <= 0 || signo > 64) return -Errno.EINVAL; }
                case PosixTimers.SIGEV_NONE -> { }
                default -> { return -Errno.EINVAL; }
            }
        }
        long id = PosixTimers.create(k, t, base, clockThread, notify, signo, value, target, evVa == 0);
        if (id < 0) return id;
        if (!t.memory().writeInt(idVa, (int) id)) {
            PosixTimers.delete(k, t.process(), (int) id);
            return -Errno.EFAULT;
        }
        return 0;
    }

    /** A struct timespec's ns, saturating as ktime does; -1 when not a valid time (EINVAL). */
    private static long ns(ByteBuffer b, int at) {
        long sec = b.getLong(at), nsec = b.getLong(at + 8);
        if (sec < 0 || nsec < 0 || nsec >= 1_000_000_000L) return -1;
        if (sec >= Long.MAX_VALUE / 1_000_000_000L) return Long.MAX_VALUE / 2;
        return sec * 1_000_000_000L + nsec;
    }

    private static byte[] itimerspec(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, v[1] / 1_000_000_000L).putLong(8, v[1] % 1_000_000_000L)
                .putLong(16, v[0] / 1_000_000_000L).putLong(24, v[0] % 1_000_000_000L);
        return b.array();
    }

    static long settime(Kernel k, Task t, int id, int flags, long nw, long old) {
        if (nw == 0) return -Errno.EINVAL;
        byte[] raw = new byte[32];
        if (!t.memory().read(nw, raw, 0, 32)) return -Errno.EFAULT;
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        long interval = ns(b, 0), value = ns(b, 16);
        if (interval < 0 || value < 0) return -Errno.EINVAL;
        if (!PosixTimers.exists(t.process(), id)) return -Errno.EINVAL;
        long[] before = PosixTimers.set(k, t.process(), id, value, interval, (flags & TIMER_ABSTIME) != 0);
        if (old != 0 && !t.memory().write(old, itimerspec(before))) return -Errno.EFAULT;
        return 0;
    }

    static long gettime(Kernel k, Task t, int id, long cur) {
        if (!PosixTimers.exists(t.process(), id)) return -Errno.EINVAL;
        return t.memory().write(cur, itimerspec(PosixTimers.get(k, t.process(), id))) ? 0 : -Errno.EFAULT;
    }
}
