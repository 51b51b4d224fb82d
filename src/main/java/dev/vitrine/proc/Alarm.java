package dev.vitrine.proc;

/** ITIMER_REAL (setitimer, and so alarm()): SIGALRM to the process on the virtual clock, re-armed by its interval. */
public final class Alarm {
    private Alarm() {}

    /** Time left and interval of the process's timer, in ns. */
    public static long[] get(Kernel k, Process p) {
        long left = p.alarm == null ? 0 : Math.max(1, p.alarmAt - k.clock().now());
        return new long[] {left, p.alarmInterval};
    }

    /** Arms (value > 0) or disarms (0) the timer; returns the old setting as {@link #get} does. */
    public static long[] set(Kernel k, Process p, long value, long interval) {
        long[] old = get(k, p);
        k.timers().cancel(p.alarm);
        p.alarm = null;
        p.alarmInterval = interval;
        if (value > 0) arm(k, p, k.clock().now() + value);
        return old;
    }

    private static void arm(Kernel k, Process p, long at) {
        p.alarmAt = at;
        p.alarm = k.timers().add(at, "SIGALRM for pid " + p.pid, () -> {
            p.alarm = null;
            if (!p.alive()) return;
            SignalDelivery.sendProcess(k, p, SigInfo.kill(Signals.SIGALRM, SigInfo.SI_KERNEL, 0, 0));
            if (p.alarmInterval > 0) arm(k, p, at + p.alarmInterval);
        });
    }
}
