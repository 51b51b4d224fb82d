package dev.vitrine.mmu;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.vitrine.mmu.PageTables.*;
import static org.junit.jupiter.api.Assertions.*;

/** Hit/miss sequences through the whole MMU on sv39, where page k lives at va k * 4096. */
class TlbCountingTest {
    static final Geometry G = Geometry.SV39;

    final PhysicalMemory mem = new PhysicalMemory(16L << 20, 12);
    final PageTables pt = new PageTables(G, mem, 1L << 20);
    final long[] frame = new long[64];

    TlbCountingTest() {
        for (int k = 1; k < frame.length; k++) frame[k] = pt.mapNew(page(k), URW | Pte.X);
    }

    static long page(int k) { return (long) k << 12; }

    Mmu mmu(String spec, boolean split, boolean tagged) {
        Mmu m = new Mmu(G, mem, TlbConfig.parse(spec, split, tagged, 42));
        m.setRoot(pt.root, 1);
        return m;
    }

    /** Loads the pages in order; returns which of them hit, as a string like "MMHMHM". */
    String run(Mmu m, int... pages) {
        StringBuilder sb = new StringBuilder();
        for (int k : pages) {
            long hits = m.stats().dataHits;
            assertEquals(frame[k] + 8, m.translate(page(k) + 8, Access.LOAD));
            sb.append(m.stats().dataHits > hits ? 'H' : 'M');
        }
        return sb.toString();
    }

    @Test void lruOnTwoEntriesFullyAssociative() {
        // [1] M, [1,2] M, 1 H (2 is now LRU), 3 M evicts 2 -> [1,3], 1 H (3 LRU), 2 M evicts 3.
        Mmu m = mmu("2:2:lru", true, false);
        assertEquals("MMHMHM", run(m, 1, 2, 1, 3, 1, 2));
        MmuStats s = m.stats();
        assertEquals(4, s.dataMisses);
        assertEquals(2, s.dataHits);
        assertEquals(4, s.walks);
        assertEquals(4 * 3, s.pteReads);
        assertEquals(2, s.evictions);
    }

    @Test void fifoOnTwoEntriesFullyAssociative() {
        // [1] M, [1,2] M, 1 H (hits do not reorder: 1 is still oldest), 3 M evicts 1 -> [2,3],
        // 1 M evicts 2 -> [3,1], 2 M evicts 3 -> [1,2].
        Mmu m = mmu("2:2:fifo", true, false);
        assertEquals("MMHMMM", run(m, 1, 2, 1, 3, 1, 2));
        assertEquals(5, m.stats().dataMisses);
        assertEquals(3, m.stats().evictions);
    }

    @Test void randomEvictsTheWayTheSeededGeneratorDraws() {
        // One set of two ways: after the two cold misses each miss evicts way rng.nextInt(2).
        // Replay that by hand with the same generator (the data side's seed: see Mmu).
        Mmu m = mmu("2:2:random", true, false);
        SplittableRandom rng = new SplittableRandom(42 ^ 0x9E3779B97F4A7C15L);
        int[] ways = new int[2];
        StringBuilder expected = new StringBuilder();
        int[] seq = {1, 2, 1, 3, 1, 2, 4, 1, 3, 2, 1, 4, 4, 2, 3};
        int filled = 0;
        for (int k : seq) {
            if (ways[0] == k || ways[1] == k) { expected.append('H'); continue; }
            expected.append('M');
            ways[filled < 2 ? filled++ : rng.nextInt(2)] = k;
        }
        assertEquals(expected.toString(), run(m, seq));
    }

    @Test void randomDependsOnlyOnTheSeed() {
        int[] seq = new SplittableRandom(7).ints(400, 1, 9).toArray();
        String a = run(mmu("4:4:random", true, false), seq);
        assertEquals(a, run(mmu("4:4:random", true, false), seq), "same seed, same run");
        boolean anyDifferent = false;
        for (long seed = 0; seed < 8 && !anyDifferent; seed++) {
            Mmu other = new Mmu(G, mem, TlbConfig.parse("4:4:random", true, false, seed));
            other.setRoot(pt.root, 1);
            anyDifferent = !run(other, seq).equals(a);
        }
        assertTrue(anyDifferent, "the seed must matter");
    }

    @Test void setAssociativeConflictMisses() {
        // 4 entries, 2 ways -> 2 sets by vpn's low bit. Pages 2, 4, 6 all fall in set 0:
        // 2 M, 4 M, 6 M evicts 2, 2 M evicts 4, while set 1 stays empty.
        assertEquals("MMMM", run(mmu("4:2:lru", true, false), 2, 4, 6, 2));
        // Fully associative, the same 4 entries hold all three.
        assertEquals("MMMH", run(mmu("4:4:lru", true, false), 2, 4, 6, 2));
        // Odd and even pages use both sets: no conflict.
        assertEquals("MMMH", run(mmu("4:2:lru", true, false), 2, 3, 4, 2));
    }

    @Test void splitSidesCountSeparatelyAndUnifiedSidesCompete() {
        // Code on page 1, data on page 2, one entry per side.
        Mmu split = mmu("1", true, false);
        Mmu unified = mmu("1", false, false);
        for (Mmu m : new Mmu[] {split, unified})
            for (int i = 0; i < 5; i++) {
                assertEquals(frame[1], m.translate(page(1), Access.FETCH));
                assertEquals(frame[2], m.translate(page(2), Access.LOAD));
            }
        assertEquals(1, split.stats().fetchMisses);
        assertEquals(4, split.stats().fetchHits);
        assertEquals(1, split.stats().dataMisses);
        assertEquals(4, split.stats().dataHits);
        // The single unified entry ping-pongs between the two pages.
        assertEquals(5, unified.stats().fetchMisses);
        assertEquals(5, unified.stats().dataMisses);
        assertEquals(0, unified.stats().hits());
        assertEquals(9, unified.stats().evictions);
    }

    @Test void unifiedLruSeesFetchHitsThatTheFastPathServed() {
        // Unified 2 entries. fetch 1 M, load 2 M, fetch 1 H (fast path: must still make 1 MRU),
        // load 3 M evicts the LRU entry, which is 2, so fetch 1 hits again.
        for (boolean fast : new boolean[] {true, false}) {
            Mmu m = new Mmu(G, mem, TlbConfig.parse("2:2:lru", false, false, 0), fast);
            m.setRoot(pt.root, 1);
            m.translate(page(1), Access.FETCH);
            m.translate(page(2), Access.LOAD);
            m.translate(page(1) + 4, Access.FETCH);
            m.translate(page(3), Access.LOAD);
            m.translate(page(1) + 8, Access.FETCH);
            assertEquals(1, m.stats().fetchMisses, "fast path " + fast);
            assertEquals(2, m.stats().fetchHits);
            m.translate(page(2), Access.LOAD);
            assertEquals(3, m.stats().dataMisses, "2 was evicted");
        }
    }

    @Test void asidTaggedEntriesSurviveASwitch() {
        PageTables other = new PageTables(G, mem, 12L << 20);
        long otherFrame = other.mapNew(page(1), URW);
        Mmu m = mmu("8", true, true);
        assertEquals(frame[1], m.translate(page(1), Access.LOAD));
        m.setRoot(other.root, 2);
        assertEquals(otherFrame, m.translate(page(1), Access.LOAD), "same va, other address space");
        m.setRoot(pt.root, 1);
        assertEquals(frame[1], m.translate(page(1), Access.LOAD));
        assertEquals(2, m.stats().dataMisses);
        assertEquals(1, m.stats().dataHits);
        assertEquals(0, m.stats().flushes);
    }

    @Test void untaggedEntriesAreFlushedOnASwitch() {
        PageTables other = new PageTables(G, mem, 12L << 20);
        long otherFrame = other.mapNew(page(1), URW);
        Mmu m = mmu("8", true, false);
        assertEquals(frame[1], m.translate(page(1), Access.LOAD));
        m.setRoot(other.root, 2);
        assertEquals(otherFrame, m.translate(page(1), Access.LOAD));
        m.setRoot(pt.root, 1);
        m.setRoot(pt.root, 1);                       // same root and ASID: nothing happens
        assertEquals(frame[1], m.translate(page(1), Access.LOAD));
        assertEquals(3, m.stats().dataMisses);
        assertEquals(2, m.stats().flushes, "the first setRoot (in mmu()) is not a flush");
    }

    @Test void globalEntriesMatchEveryAddressSpace() {
        PageTables other = new PageTables(G, mem, 12L << 20);
        long shared = pt.alloc(4096);
        pt.map(page(40), shared, UR | Pte.G);
        other.map(page(40), shared, UR | Pte.G);
        Mmu m = mmu("8", true, true);
        m.translate(page(40), Access.LOAD);
        m.setRoot(other.root, 2);
        assertEquals(shared, m.translate(page(40), Access.LOAD));
        assertEquals(1, m.stats().dataHits);
        m.invalidateAsid(2);
        m.translate(page(40), Access.LOAD);
        assertEquals(2, m.stats().dataHits, "an ASID flush keeps global entries");
    }

    @Test void invalidatePageDropsAStaleTranslationOnBothSides() {
        Mmu m = mmu("8", true, false);
        m.translate(page(5), Access.FETCH);
        m.translate(page(5), Access.LOAD);
        long fresh = pt.alloc(4096);
        pt.map(page(5), fresh, URW | Pte.X);
        assertEquals(frame[5], m.translate(page(5), Access.LOAD), "the TLB still holds the old mapping");
        assertEquals(frame[5], m.translate(page(5), Access.FETCH));
        m.invalidatePage(page(5) + 123);
        assertEquals(fresh, m.translate(page(5), Access.LOAD));
        assertEquals(fresh, m.translate(page(5), Access.FETCH));
        assertEquals(2, m.stats().fetchMisses);
        assertEquals(2, m.stats().dataMisses);
        assertEquals(1, m.stats().pageInvalidations);
        assertEquals(0, m.stats().flushes);
    }

    @Test void invalidateAllEmptiesBothSides() {
        Mmu m = mmu("8", true, true);
        m.translate(page(5), Access.FETCH);
        m.translate(page(6), Access.LOAD);
        m.invalidateAll();
        m.translate(page(5), Access.FETCH);
        m.translate(page(6), Access.LOAD);
        assertEquals(4, m.stats().misses());
        assertEquals(1, m.stats().flushes);
        assertEquals(1, m.dataTlb().validEntries());
        assertEquals(1, m.fetchTlb().validEntries());
    }

    @Test void firstStoreAfterALoadFilledEntrySetsDirty() {
        Mmu m = mmu("8", true, false);
        long ptePa = pt.ptePa(page(7), 2);
        m.translate(page(7), Access.LOAD);
        assertEquals(Pte.A, pt.pte(ptePa) & (Pte.A | Pte.D));
        assertEquals(frame[7] + 16, m.translate(page(7) + 16, Access.STORE));
        assertEquals(Pte.A | Pte.D, pt.pte(ptePa) & (Pte.A | Pte.D), "D set in memory");
        MmuStats s = m.stats();
        assertEquals(1, s.dataMisses);
        assertEquals(1, s.dataHits, "the store hit");
        assertEquals(1, s.dirtyWalks);
        assertEquals(2, s.walks, "the miss and the D update");
        assertEquals(6, s.pteReads);
        assertEquals(2, s.pteWrites, "A, then D");
        m.translate(page(7) + 24, Access.STORE);
        assertEquals(2, s.walks, "the entry now has D: a plain hit");
        assertEquals(2, s.dataHits);
    }

    @Test void dirtyUpdateOfAPageGoneFromTheTableFaultsAndDropsTheEntry() {
        Mmu m = mmu("8", true, false);
        long ptePa = pt.ptePa(page(8), 2);
        m.translate(page(8), Access.LOAD);
        pt.setPte(ptePa, 0);                          // unmapped without an sfence
        assertEquals(frame[8], m.translate(page(8), Access.LOAD), "stale hit");
        assertEquals(Mmu.FAULT, m.translate(page(8), Access.STORE));
        assertEquals(FaultCause.NOT_PRESENT, m.faultCause());
        assertEquals(Mmu.FAULT, m.translate(page(8), Access.LOAD), "the stale entry is gone");
        assertEquals(2, m.stats().dataMisses);
    }

    @Test void aHitWithoutPermissionFaultsWithoutAWalk() {
        long ro = pt.alloc(4096);
        pt.map(page(50), ro, UR);
        Mmu m = mmu("8", true, false);
        m.translate(page(50), Access.LOAD);
        assertEquals(Mmu.FAULT, m.translate(page(50), Access.STORE));
        assertEquals(FaultCause.PROTECTION, m.faultCause());
        assertEquals(1, m.stats().walks);
        assertEquals(1, m.stats().dataHits);
    }

    @Test void withoutATlbEveryAccessMissesAndWalks() {
        Mmu m = mmu("0", true, false);
        run(m, 1, 1, 1, 2);
        assertEquals(4, m.stats().dataMisses);
        assertEquals(4, m.stats().walks);
        assertEquals(0, m.stats().hits());
        m.invalidateAll();
        assertEquals(0, m.stats().flushes, "nothing to flush");
    }
}
