package dev.vitrine.proc;

/**
 * The load averages (kernel/sched/loadavg.c): every LOAD_FREQ (5 s and a tick) of machine time
 * each of the three figures moves toward the number of runnable tasks by calc_load's fixed-point
 * decay. Linux samples from its timer tick; Vitrine has no periodic tick (it would change the
 * idle jumps and so every figure), so the intervals that passed are applied when someone reads
 * the figures (/proc/loadavg, sysinfo), each with the count of runnable tasks at that read.
 */
final class LoadAverage {
    static final int FSHIFT = 11, FIXED_1 = 1 << FSHIFT;
    private static final long LOAD_FREQ_NS = 5_000_000_000L + 10_000_000L;
    private static final long[] EXP = {1884, 2014, 2037};   // 1/exp(5s/1min), 5 min, 15 min in FIXED_1

    private final long[] avenrun = new long[3];
    private long nextUpdate = LOAD_FREQ_NS;

    /** avenrun after the intervals up to {@code now}, sampled with {@code active} runnable tasks. */
    long[] at(long now, int active) {
        for (; now >= nextUpdate; nextUpdate += LOAD_FREQ_NS)
            for (int i = 0; i < 3; i++) avenrun[i] = calcLoad(avenrun[i], EXP[i], (long) active * FIXED_1);
        return avenrun.clone();
    }

    private static long calcLoad(long load, long exp, long active) {
        long newload = load * exp + active * (FIXED_1 - exp);
        if (active >= load) newload += FIXED_1 - 1;
        return newload / FIXED_1;
    }

    /** LOAD_INT.LOAD_FRAC as /proc/loadavg prints one figure (the +FIXED_1/200 rounds to hundredths). */
    static String format(long x) {
        x += FIXED_1 / 200;
        return (x >> FSHIFT) + "." + String.format("%02d", ((x & (FIXED_1 - 1)) * 100) >> FSHIFT);
    }
}
