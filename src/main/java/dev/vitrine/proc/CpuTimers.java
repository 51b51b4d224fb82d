package dev.vitrine.proc;

/**
 * ITIMER_VIRTUAL and ITIMER_PROF (kernel/time/itimer.c): timers on the process's own CPU time,
 * SIGVTALRM after so much time running guest instructions, SIGPROF after so much time running
 * at all (instructions and the kernel's charged costs). They are checked when a slice ends, so
 * they fire at most one slice late, as Linux's run at a tick. fork does not copy them.
 */
public final class CpuTimers {
    public static final int ITIMER_VIRTUAL = 1, ITIMER_PROF = 2;
    private static final long TICK_NS = 4_000_000;

    /** Per timer: the expiry on its clock (0: disarmed) and the period. */
    private final long[] at = new long[3], interval = new long[3];
    /** The process's time running guest instructions (the virtual timer's clock). */
    long user;

    private static long clock(Process p, int which) { return which == ITIMER_VIRTUAL ? p.cpuTimers.user : p.cpu; }

    /** {time left, interval} in ns, as getitimer shows them. */
    public static long[] get(Process p, int which) {
        CpuTimers c = p.cpuTimers;
        if (c.at[which] == 0) return new long[] {0, c.interval[which]};
        return new long[] {Math.max(1, c.at[which] - clock(p, which)), c.interval[which]};
    }

    /** Arms (value > 0) or disarms the timer; returns the old setting. */
    public static long[] set(Process p, int which, long value, long interval) {
        long[] old = get(p, which);
        CpuTimers c = p.cpuTimers;
        c.interval[which] = interval;
        // set_cpu_itimer adds a tick to the first expiry so it never comes early (HZ 250, Debian's)
        c.at[which] = value > 0 ? clock(p, which) + value + TICK_NS : 0;
        return old;
    }

    /** After a slice of {@code ran} instructions: the timers that came due send their signals. */
    static void ran(Kernel k, Process p, long ran) {
        CpuTimers c = p.cpuTimers;
        c.user += ran;
        check(k, p, ITIMER_VIRTUAL, Signals.SIGVTALRM);
        check(k, p, ITIMER_PROF, Signals.SIGPROF);
    }

    private static void check(Kernel k, Process p, int which, int sig) {
        CpuTimers c = p.cpuTimers;
        long now = clock(p, which);
        if (c.at[which] == 0 || now < c.at[which]) return;
        c.at[which] = c.interval[which] > 0 ? Math.max(c.at[which] + c.interval[which], now + 1) : 0;
        SignalDelivery.sendProcess(k, p, SigInfo.kill(sig, SigInfo.SI_KERNEL, 0, 0));
    }
}
