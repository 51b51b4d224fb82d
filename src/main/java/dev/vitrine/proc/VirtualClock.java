package dev.vitrine.proc;

/**
 * Machine time: one nanosecond per retired instruction, plus jumps over idle time. Runs
 * are reproducible because nothing here reads the host's clock.
 */
public final class VirtualClock {
    /** The wall-clock time at boot: 2026-01-01T00:00:00Z, fixed so output never depends on the host. */
    public static final long EPOCH_NS = 1_767_225_600L * 1_000_000_000L;

    private long ns;
    /** What clock_settime moved CLOCK_REALTIME by, in ns (the monotonic clock never moves back). */
    private long realtimeShift;

    public long now() { return ns; }
    public long realtime() { return EPOCH_NS + realtimeShift + ns; }
    /** CLOCK_REALTIME's value at monotonic 0: the boot time (/proc/stat's btime), and what turns one into the other. */
    public long realtimeAtBoot() { return EPOCH_NS + realtimeShift; }
    /** clock_settime(CLOCK_REALTIME): the wall clock reads {@code realtimeNs} now; the monotonic clock is untouched. */
    public void setRealtime(long realtimeNs) { realtimeShift = realtimeNs - EPOCH_NS - ns; }
    public void advance(long delta) { ns += delta; }
    public void advanceTo(long t) { if (t > ns) ns = t; }
}
