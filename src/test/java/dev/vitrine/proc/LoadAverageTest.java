package dev.vitrine.proc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** calc_load's fixed-point decay, against the figures Linux shows after 5 s of one busy task from idle. */
class LoadAverageTest {
    private static String show(long[] a) {
        return LoadAverage.format(a[0]) + " " + LoadAverage.format(a[1]) + " " + LoadAverage.format(a[2]);
    }

    @Test
    void nothingMovesBeforeTheFirstInterval() {
        assertEquals("0.00 0.00 0.00", show(new LoadAverage().at(5_000_000_000L, 1)));
    }

    @Test
    void oneIntervalOfOneTaskFromIdle() {
        // 1 - exp(-5/60) rounded up as calc_load does: 164/2048, 34/2048, 11/2048.
        assertEquals("0.08 0.02 0.01", show(new LoadAverage().at(5_010_000_000L, 1)));
    }

    @Test
    void aMinuteOfOneTaskApproachesOneMinusOneOverE() {
        LoadAverage l = new LoadAverage();
        long[] a = l.at(12 * 5_010_000_000L, 1);
        assertEquals(0.63, a[0] / 2048.0, 0.02);
        // Reading again at the same time changes nothing; idle time then decays it.
        assertEquals(a[0], l.at(12 * 5_010_000_000L, 5)[0]);
        long[] later = l.at(24 * 5_010_000_000L, 0);
        assertEquals(0.23, later[0] / 2048.0, 0.02);
    }
}
