package dev.vitrine.lab;

import dev.vitrine.mm.replace.PolicyKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Expected counts are the textbooks' (Silberschatz ch. 10, Belady 1969), not our output. */
class ReplaceSimTest {
    static final long[] BELADY = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

    private static long faults(PolicyKind k, int frames) { return ReplaceSim.run(BELADY, frames, k, 1, 0).faults(); }

    @Test void fifoShowsBeladysAnomaly() {
        assertEquals(9, faults(PolicyKind.FIFO, 3));
        assertEquals(10, faults(PolicyKind.FIFO, 4));
    }

    @Test void lruAndOptOnTheSameString() {
        assertEquals(10, faults(PolicyKind.LRU, 3));
        assertEquals(8, faults(PolicyKind.LRU, 4));
        assertEquals(7, faults(PolicyKind.OPT, 3));
        assertEquals(6, faults(PolicyKind.OPT, 4));
    }

    /** Silberschatz's 20-reference string: FIFO 15, LRU 12, OPT 9 with 3 frames. */
    @Test void silberschatzReferenceString() {
        long[] s = {7, 0, 1, 2, 0, 3, 0, 4, 2, 3, 0, 3, 2, 1, 2, 0, 1, 7, 0, 1};
        assertEquals(15, ReplaceSim.run(s, 3, PolicyKind.FIFO, 1, 0).faults());
        assertEquals(12, ReplaceSim.run(s, 3, PolicyKind.LRU, 1, 0).faults());
        assertEquals(9, ReplaceSim.run(s, 3, PolicyKind.OPT, 1, 0).faults());
    }

    @Test void sweepFindsTheAnomalyForFifoOnlyAmongStackAlgorithms() {
        ReplaceSweep.Result sw = ReplaceSweep.run(BELADY, List.of(PolicyKind.FIFO, PolicyKind.LRU, PolicyKind.OPT), 1, 6, 1);
        assertEquals(1, sw.anomalies().size());
        ReplaceSweep.Anomaly a = sw.anomalies().get(0);
        assertEquals(PolicyKind.FIFO, a.policy());
        assertEquals(3, a.frames());
        assertEquals(4, a.moreFrames());
        String svg = ReplaceReport.svg(sw, "t");
        assertTrue(svg.startsWith("<svg") && svg.contains("fifo") && svg.contains("<polyline"));
    }

    @Test void stepsExplainEachEviction() {
        ReplaceSim.Result r = ReplaceSim.run(BELADY, 3, PolicyKind.FIFO, 1, 100);
        assertEquals(12, r.steps().size());
        ReplaceSim.Step fourth = r.steps().get(3);
        assertFalse(fourth.hit());
        assertEquals(1, fourth.evicted());
        assertArrayEquals(new long[] {4, 2, 3}, fourth.resident());
        assertTrue(r.steps().get(3).why().contains("loaded first"));
        long hits = r.steps().stream().filter(ReplaceSim.Step::hit).count();
        assertEquals(r.hits(), hits);
    }

    @Test void randomIsRepeatableAndNeverBeatsOpt() {
        for (int n = 1; n <= 5; n++) {
            long a = faults(PolicyKind.RANDOM, n);
            assertEquals(a, faults(PolicyKind.RANDOM, n));
            assertTrue(a >= faults(PolicyKind.OPT, n));
        }
    }
}
