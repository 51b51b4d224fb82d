package dev.vitrine.proc;

import java.util.TreeSet;

/**
 * Timers on the virtual monotonic clock: timed sleeps, alarms, interval timers. Ordered by
 * deadline, then by creation, so two timers due together always fire in the same order.
 */
final class Timers {
    /** One armed timer. */
    static final class Entry {
        final long when, seq;
        final Runnable action;
        final String what;
        Entry(long when, long seq, Runnable action, String what) { this.when = when; this.seq = seq; this.action = action; this.what = what; }
    }

    private final TreeSet<Entry> armed = new TreeSet<>(Timers::order);

    /** By time, then by arming order (Comparator.comparingLong's lambdas are spun at run time, at every start). */
    private static int order(Entry a, Entry b) { return a.when != b.when ? Long.compare(a.when, b.when) : Long.compare(a.seq, b.seq); }
    private long seq;

    Entry add(long when, String what, Runnable action) {
        Entry e = new Entry(when, seq++, action, what);
        armed.add(e);
        return e;
    }

    void cancel(Entry e) { if (e != null) armed.remove(e); }

    boolean isEmpty() { return armed.isEmpty(); }

    /** The earliest deadline, or Long.MAX_VALUE. */
    long next() { return armed.isEmpty() ? Long.MAX_VALUE : armed.first().when; }

    /** Runs every timer due at {@code now}; returns how many fired. */
    int fire(long now) {
        int n = 0;
        while (!armed.isEmpty() && armed.first().when <= now) {
            Entry e = armed.pollFirst();
            e.action.run();
            n++;
        }
        return n;
    }
}
