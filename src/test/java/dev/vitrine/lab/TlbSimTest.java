package dev.vitrine.lab;

import dev.vitrine.mmu.TlbConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TlbSimTest {
    static List<TlbSim.Access> pages(long... vpns) {
        List<TraceRef> refs = new java.util.ArrayList<>();
        for (long v : vpns) refs.add(new TraceRef.Page(v, 1));
        return TlbSim.accesses(refs, 12);
    }

    static TlbConfig full(int n, TlbConfig.Policy p) { return new TlbConfig(n, n, p, false, false, 1); }

    /** A fully associative TLB replaces like a page cache: the textbook counts apply (LRU 3 entries: 10 misses). */
    @Test void fullyAssociativeMatchesReplacementCounts() {
        long[] s = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};
        assertEquals(10, TlbSim.run(pages(s), full(3, TlbConfig.Policy.LRU), 0).misses());
        assertEquals(8, TlbSim.run(pages(s), full(4, TlbConfig.Policy.LRU), 0).misses());
        assertEquals(9, TlbSim.run(pages(s), full(3, TlbConfig.Policy.FIFO), 0).misses());
        assertEquals(10, TlbSim.run(pages(s), full(4, TlbConfig.Policy.FIFO), 0).misses());
    }

    @Test void directMappedConflictsThrash() {
        // Pages 0 and 4 share set 0 of a 4-set direct-mapped TLB: every lookup misses.
        TlbSim.Result r = TlbSim.run(pages(0, 4, 0, 4, 0, 4), new TlbConfig(4, 1, TlbConfig.Policy.LRU, false, false, 1), 10);
        assertEquals(0, r.hits());
        assertEquals(5, r.evictions());
        assertEquals(0, r.steps().get(1).set());
        // Fully associative with the same 4 entries: only the first two miss.
        assertEquals(4, TlbSim.run(pages(0, 4, 0, 4, 0, 4), full(4, TlbConfig.Policy.LRU), 0).hits());
    }

    @Test void lackeyModifyIsALoadAndAStoreAndSplitSidesCountApart() {
        List<TraceRef> refs = TraceReader.parse(List.of("I  04000000,4", " M 7ff000,4", "I  04000004,4"), "t");
        List<TlbSim.Access> acc = TlbSim.accesses(refs, 12);
        assertEquals(4, acc.size());
        TlbSim.Result r = TlbSim.run(acc, new TlbConfig(1, 1, TlbConfig.Policy.LRU, true, false, 1), 0);
        assertEquals(1, r.fetchHits());
        assertEquals(1, r.fetchMisses());
        assertEquals(2, r.hits()); // the second fetch, and the store after the load
        TlbSim.Result unified = TlbSim.run(acc, new TlbConfig(1, 1, TlbConfig.Policy.LRU, false, false, 1), 0);
        assertEquals(1, unified.hits()); // the data page pushed the code page out
    }

    @Test void sweepSizesRespectWays() {
        assertEquals(List.of(1, 2, 3), TlbSim.sizes(1, 3, null));
        assertEquals(List.of(4, 8, 16), TlbSim.sizes(3, 16, 4));
        assertThrows(IllegalArgumentException.class, () -> TlbSim.sizes(1, 3, 4));
    }
}
