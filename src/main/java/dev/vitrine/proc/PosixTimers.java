package dev.vitrine.proc;

import java.util.TreeMap;

/**
 * POSIX per-process timers (kernel/time/posix-timers.c, posix-cpu-timers.c): timer_create's
 * timers on the realtime, monotonic (and boottime, TAI) clocks run on the virtual clock's
 * timer list; those on a process's or a thread's CPU clock are checked as each slice ends, as
 * Linux checks them at a tick. An expiry queues the timer's one signal (SI_TIMER, the timer id
 * and sigev_value; to a named thread for SIGEV_THREAD_ID), preallocated as Linux's is, so it
 * counts once against RLIMIT_SIGPENDING for the timer's life. A periodic timer is re-armed
 * when that signal is delivered: the periods missed meanwhile are its overrun (si_overrun,
 * timer_getoverrun). SIGEV_NONE timers only count down. exec and exit delete them all.
 */
public final class PosixTimers {
    public static final int SIGEV_SIGNAL = 0, SIGEV_NONE = 1, SIGEV_THREAD = 2, SIGEV_THREAD_ID = 4;
    /** The clock a timer runs on. */
    public enum Base { MONOTONIC, REALTIME, PROCESS_CPU, THREAD_CPU }

    /** One timer (Linux's k_itimer). */
    static final class Timer {
        final int id;
        final Base base;
        /** The task whose CPU time a THREAD_CPU timer counts; the thread a SIGEV_THREAD_ID timer signals. */
        final Task clockThread, target;
        /** The process whose CPU time a PROCESS_CPU timer counts. */
        final Process clockProcess;
        final int notify, signo;
        final long value;
        /** Expiry on the base clock (monotonic ns for MONOTONIC and REALTIME), 0 when disarmed; the period. */
        long at, interval;
        int overrun, overrunLast;
        /** Moves on with every timer_settime: a queued signal of an older setting is dropped when taken (it_signal_seq). */
        int seq;
        /** Expired, its signal queued: re-armed at delivery. */
        boolean fired;
        Timers.Entry entry;

        Timer(int id, Base base, Task clockThread, int notify, int signo, long value, Task target) {
            this.id = id; this.base = base; this.clockThread = clockThread;
            this.clockProcess = clockThread == null ? null : clockThread.proc;
            this.notify = notify; this.signo = signo; this.value = value; this.target = target;
        }
    }

    private final TreeMap<Integer, Timer> timers = new TreeMap<>();
    private int nextId, cpuTimers;

    /**
     * timer_create: the new timer's id, or -EAGAIN past RLIMIT_SIGPENDING. {@code clockThread}
     * is the thread (THREAD_CPU) or a thread of the process (PROCESS_CPU) whose CPU time it counts.
     */
    public static long create(Kernel k, Task t, Base base, Task clockThread, int notify, int signo, long value, Task target, boolean defaultValue) {
        Process p = t.proc;
        UserCounts u = k.users();
        if (!u.maySigqueue(p.rlimCur[dev.vitrine.abi.Rlimit.SIGPENDING])) return -dev.vitrine.abi.Errno.EAGAIN;
        PosixTimers pt = p.posixTimers;
        int id = pt.nextId;
        while (pt.timers.containsKey(id)) id = id == Integer.MAX_VALUE ? 0 : id + 1;
        pt.nextId = id == Integer.MAX_VALUE ? 0 : id + 1;
        // Without a sigevent the value is the timer's id.
        pt.timers.put(id, new Timer(id, base, clockThread, notify, signo, defaultValue ? id : value, target));
        if (base == Base.PROCESS_CPU || base == Base.THREAD_CPU) pt.cpuTimers++;
        u.sigpending++;
        return id;
    }

    public static boolean exists(Process p, int id) { return p.posixTimers.timers.containsKey(id); }

    /** The timer's clock now. */
    private static long now(Kernel k, Timer x, Process p) {
        return switch (x.base) {
            case MONOTONIC, REALTIME -> k.clock().now();
            case PROCESS_CPU -> x.clockProcess.cpu;
            case THREAD_CPU -> x.clockThread.instructions();
        };
    }

    /** timer_gettime: {time left, interval} in ns; an expired timer whose signal waits shows 1 ns left, an expired one-shot SIGEV_NONE 0. */
    public static long[] get(Kernel k, Process p, int id) {
        Timer x = p.posixTimers.timers.get(id);
        if (x.at == 0) return new long[] {0, x.interval};
        long now = now(k, x, p);
        if (x.notify == SIGEV_NONE && x.interval > 0 && now >= x.at) x.at += ((now - x.at) / x.interval + 1) * x.interval;
        long left = x.at - now;
        if (left <= 0) left = x.notify == SIGEV_NONE ? 0 : 1;
        return new long[] {left, x.interval};
    }

    /**
     * timer_settime: value 0 disarms; {@code absolute} takes value as a time on the timer's
     * clock ({@code realtimeOffset} converts the realtime clock's to the monotonic). A pending
     * signal of the old setting is withdrawn. Returns the old setting as {@link #get} shows it.
     */
    public static long[] set(Kernel k, Process p, int id, long value, long interval, boolean absolute) {
        long[] old = get(k, p, id);
        Timer x = p.posixTimers.timers.get(id);
        disarm(k, p, x);
        x.interval = interval;
        if (value == 0) return old;
        long when;
        if (absolute) when = x.base == Base.REALTIME ? value - k.clock().realtimeAtBoot() : value;
        else when = now(k, x, p) + value;
        if (when < 1 && interval > 0) {
            // An absolute time before the clock's zero (0 means disarmed here): the periods up to
            // it are already missed, so they count in the overrun as hrtimer_forward would count them.
            long missed = (1 - when + interval - 1) / interval;
            when += missed * interval;
            x.overrun = (int) Math.min(Integer.MAX_VALUE, missed);
        }
        x.at = Math.max(when, 1);
        arm(k, p, x);
        return old;
    }

    /** timer_getoverrun: the overrun of the last delivered expiry. */
    public static int overrun(Process p, int id) { return p.posixTimers.timers.get(id).overrunLast; }

    /** timer_delete. */
    public static void delete(Kernel k, Process p, int id) {
        Timer x = p.posixTimers.timers.remove(id);
        disarm(k, p, x);
        if (x.base == Base.PROCESS_CPU || x.base == Base.THREAD_CPU) p.posixTimers.cpuTimers--;
        k.users().sigpending--;
    }

    /** exit and exec (exit_itimers): every timer goes. */
    static void deleteAll(Kernel k, Process p) {
        for (int id : p.posixTimers.timers.keySet().toArray(new Integer[0])) delete(k, p, id);
    }

    /** A queued signal stays queued (sigpending shows it) but is dropped when taken, as Linux 6.x does. */
    private static void disarm(Kernel k, Process p, Timer x) {
        k.timers().cancel(x.entry);
        x.entry = null;
        x.seq++;
        x.fired = false;
        x.at = 0;
        x.overrun = x.overrunLast = 0;
    }

    /** The timer's queued signal leaves the pending queue it is in. */
    private static void withdraw(Process p, Timer x) {
        p.shared.dropTimer(x.signo, x.id);
        for (Task t : p.threads) t.pending.dropTimer(x.signo, x.id);
    }

    private static void arm(Kernel k, Process p, Timer x) {
        if (x.notify == SIGEV_NONE) return;   // counts down only: get() reads it
        if (x.base == Base.MONOTONIC || x.base == Base.REALTIME)
            x.entry = k.timers().add(x.at, "POSIX timer " + x.id + " of pid " + p.pid, () -> {
                x.entry = null;
                expire(k, p, x);
            });
        // CPU-clock timers are looked at as each slice ends (ran).
    }

    /** An expiry: the timer's signal is queued, and the timer waits for its delivery to go on. */
    private static void expire(Kernel k, Process p, Timer x) {
        if (!p.alive() || x.fired || x.at == 0) return;
        x.fired = true;
        withdraw(p, x);   // the one preallocated signal: a stale one still queued is this one again
        SigInfo info = SigInfo.timer(x.signo, x.id, 0, x.value).withStatus(x.seq);
        if (x.target != null) SignalDelivery.sendThread(k, x.target, info);
        else SignalDelivery.sendProcess(k, p, info);
        // An ignored signal was dropped: the timer stays expired (Linux parks it) until set again.
    }

    /** After a slice: CPU-clock timers that came due expire. */
    static void ran(Kernel k, Process p) {
        PosixTimers pt = p.posixTimers;
        if (pt.cpuTimers == 0) return;
        for (Timer x : pt.timers.values().toArray(new Timer[0]))
            if ((x.base == Base.PROCESS_CPU || x.base == Base.THREAD_CPU) && x.at != 0 && x.notify != SIGEV_NONE
                    && !x.fired && now(k, x, p) >= x.at) expire(k, p, x);
    }

    /**
     * The timer's signal is being delivered (or taken by sigtimedwait, signalfd): a periodic
     * timer is re-armed past now, the periods it missed counted as its overrun, which the
     * siginfo carries and timer_getoverrun reports. Null when the timer was deleted or set
     * again since: the signal is dropped.
     */
    static SigInfo delivered(Kernel k, Process p, SigInfo info) {
        Timer x = p.posixTimers.timers.get(info.pid());
        if (x == null || !x.fired || info.status() != x.seq) return null;
        x.fired = false;
        if (x.interval > 0) {
            long now = now(k, x, p);
            if (now >= x.at) {
                long missed = (now - x.at) / x.interval;
                x.overrun = (int) Math.min(Integer.MAX_VALUE, (long) x.overrun + missed);
                x.at += (missed + 1) * x.interval;
            }
            arm(k, p, x);
        } else x.at = 0;
        x.overrunLast = x.overrun;
        x.overrun = 0;
        return SigInfo.timer(info.signo(), x.id, x.overrunLast, x.value);
    }
}
