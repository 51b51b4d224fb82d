package dev.vitrine.mmu;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static dev.vitrine.mmu.PageTables.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The fast path must change nothing: random access sequences, with context switches,
 * invalidations and PTEs rewritten behind the TLB's back, run on two identical machines,
 * one with the fast path and one without, must give the same answers, the same counters
 * and the same page-table bytes (A/D bits).
 */
class FastPathTest {
    static final TlbConfig.Policy[] POLICIES = TlbConfig.Policy.values();

    /** One address space: pages 1..PAGES at the bottom (some absent), a superpage region, odd permissions. */
    static final int PAGES = 14;

    @Test void fastPathMatchesTheFullLookupOnRandomRuns() {
        SplittableRandom meta = new SplittableRandom(2026);
        for (int run = 0; run < 60; run++) {
            Geometry g = Geometry.PRESETS.get(run % Geometry.PRESETS.size());
            int entries = new int[] {1, 2, 4, 8, 16, 32}[meta.nextInt(6)];
            int ways = entries >> meta.nextInt(Integer.numberOfTrailingZeros(entries) + 1);
            TlbConfig cfg = new TlbConfig(entries, ways, POLICIES[meta.nextInt(3)], meta.nextBoolean(),
                    meta.nextBoolean(), meta.nextLong());
            compare(g, cfg, meta.nextLong(), false);
        }
    }

    /**
     * The same with locality: most accesses go back to one of the last few pages, the way
     * code, stack and globals alternate, so the current and the previous remembered page of
     * each side (and their swaps) are used all the time, also in unified TLBs where the
     * fetch side's pages are the data side's slots.
     */
    @Test void rememberedPagesMatchTheFullLookupUnderLocality() {
        SplittableRandom meta = new SplittableRandom(7);
        for (int run = 0; run < 120; run++) {
            Geometry g = Geometry.PRESETS.get(run % Geometry.PRESETS.size());
            int entries = new int[] {1, 2, 4, 8, 16, 32, 64}[meta.nextInt(7)];
            int ways = entries >> meta.nextInt(Integer.numberOfTrailingZeros(entries) + 1);
            TlbConfig cfg = new TlbConfig(entries, ways, POLICIES[meta.nextInt(3)], meta.nextBoolean(),
                    meta.nextBoolean(), meta.nextLong());
            compare(g, cfg, meta.nextLong(), true);
        }
    }

    static void compare(Geometry g, TlbConfig cfg, long seed, boolean locality) {
        PhysicalMemory memA = new PhysicalMemory(12L << 20, g.pageBits());
        long[] roots = build(g, memA, new SplittableRandom(seed));
        PhysicalMemory memB = new PhysicalMemory(12L << 20, g.pageBits());
        byte[] image = PageTables.bytes(memA);
        memB.write(0, image, 0, image.length);
        Mmu fast = new Mmu(g, memA, cfg, true);
        Mmu slow = new Mmu(g, memB, cfg, false);
        String what = g + " " + cfg;

        SplittableRandom rnd = new SplittableRandom(seed ^ 1);
        int space = 0;
        for (Mmu m : new Mmu[] {fast, slow}) m.setRoot(roots[0], 1);
        long[] recent = new long[4];
        for (int step = 0; step < 3000; step++) {
            int op = rnd.nextInt(1000);
            long va = address(g, rnd);
            if (locality) {
                if (rnd.nextInt(8) != 0) va = (recent[rnd.nextInt(recent.length)] & ~g.pageMask()) | (va & g.pageMask());
                else recent[rnd.nextInt(recent.length)] = va;
                if (op >= 50 && rnd.nextInt(4) != 0) op = 1000;   // fewer disturbances: long runs of hits
            }

            if (op < 20) {
                space ^= 1;
                for (Mmu m : new Mmu[] {fast, slow}) m.setRoot(roots[space], space + 1);
            } else if (op < 30) {
                for (Mmu m : new Mmu[] {fast, slow}) m.invalidatePage(va);
            } else if (op < 33) {
                for (Mmu m : new Mmu[] {fast, slow}) m.invalidateAll();
            } else if (op < 36) {
                int asid = 1 + rnd.nextInt(2);
                for (Mmu m : new Mmu[] {fast, slow}) m.invalidateAsid(asid);
            } else if (op < 50) {
                rewriteLeaf(g, fast, memA, memB, va, rnd);
            } else {
                int access = rnd.nextInt(3);
                long a = switch (rnd.nextInt(2)) {   // both entry points of the fast path
                    case 0 -> fast.translate(va, access);
                    default -> access == Access.FETCH ? fast.fetch(va) : access == Access.LOAD ? fast.load(va) : fast.store(va);
                };
                long b = slow.translate(va, access);
                assertEquals(b, a, what + " step " + step);
                if (a == Mmu.FAULT) assertEquals(slow.faultCause(), fast.faultCause(), what + " step " + step);
                assertEquals(slow.stats().dataHits + slow.stats().fetchHits, fast.stats().hits(), what + " step " + step);
            }
        }
        assertEquals(slow.stats().toString(), fast.stats().toString(), what);
        assertTrue(fast.stats().hits() > 0, "the run should exercise hits: " + what);
        assertArrayEquals(PageTables.bytes(memB), PageTables.bytes(memA), "A/D bits written alike: " + what);
    }

    /** Two address spaces; returns their roots. */
    static long[] build(Geometry g, PhysicalMemory mem, SplittableRandom rnd) {
        long[] roots = new long[2];
        long[] perms = {URW, UR, URX, Pte.U | Pte.X, Pte.R | Pte.W, URW | Pte.X};
        for (int s = 0; s < 2; s++) {
            // flat32's roots are 4 MiB each: 1-5 and 6-10 MiB; otherwise 8-12 MiB is the superpage's frame.
            PageTables pt = new PageTables(g, mem, s == 0 ? 1L << 20 : g.levels() == 1 ? 6L << 20 : 4L << 20);
            for (int k = 1; k <= PAGES; k++) {
                if (rnd.nextInt(6) == 0) continue;
                pt.mapNew((long) k << g.pageBits(), perms[rnd.nextInt(perms.length)] | (rnd.nextInt(4) == 0 ? Pte.G : 0));
            }
            if (g.levels() > 1) {
                int level = g.levels() - 2;
                pt.mapAt(level, superBase(g), 8L << 20, URW | Pte.X);
            }
            roots[s] = pt.root;
        }
        return roots;
    }

    static long superBase(Geometry g) { return 3L << g.shift(g.levels() - 2); }

    static long address(Geometry g, SplittableRandom rnd) {
        long off = rnd.nextLong(g.pageSize());
        int pick = rnd.nextInt(20);
        if (pick == 0) return (g.signExtended() ? 1L << (g.vaBits() - 1) : 1L << g.vaBits()) | off;  // out of range
        if (pick < 6 && g.levels() > 1) return superBase(g) + ((long) rnd.nextInt(8) << g.pageBits()) + off;
        return ((long) (1 + rnd.nextInt(PAGES + 2)) << g.pageBits()) + off;
    }

    /** Changes a leaf's permissions, A/D or frame in both memories alike, without telling the TLB. */
    static void rewriteLeaf(Geometry g, Mmu m, PhysicalMemory a, PhysicalMemory b, long va, SplittableRandom rnd) {
        Walk w = m.explain(va);
        if (w.steps().isEmpty()) return;
        WalkStep last = w.steps().get(w.steps().size() - 1);
        if (!last.leaf()) return;
        long flags = Pte.V | Pte.U | (rnd.nextBoolean() ? Pte.R : 0) | (rnd.nextBoolean() ? Pte.W : 0)
                | (rnd.nextBoolean() ? Pte.X : 0) | (rnd.nextBoolean() ? Pte.A | Pte.D : 0);
        long pte = (last.pte() & ~0xffL) | flags;
        if (rnd.nextInt(4) == 0)   // move it to another frame (misaligned if it is a superpage)
            pte = Pte.make((1L << 20 >>> g.pageBits()) + rnd.nextInt(64), flags);
        a.writePte(last.ptePa(), g.pteBytes(), pte);
        b.writePte(last.ptePa(), g.pteBytes(), pte);
    }

    @Test void theFastPathIsTakenAndForgottenWhenItsSlotChanges() {
        PhysicalMemory mem = new PhysicalMemory(8L << 20, 12);
        PageTables pt = new PageTables(Geometry.SV39, mem, 1L << 20);
        for (int k = 1; k <= 3; k++) pt.mapNew((long) k << 12, URW | Pte.X);
        Mmu m = new Mmu(Geometry.SV39, mem, TlbConfig.parse("2", false, false, 0));
        m.setRoot(pt.root, 1);
        m.translate(0x1000, Access.FETCH);
        assertTrue(m.fastPathCovers(0x1ffc, Access.FETCH));
        assertFalse(m.fastPathCovers(0x1ffc, Access.STORE), "the data side has its own");
        m.translate(0x2000, Access.LOAD);
        assertTrue(m.fastPathCovers(0x2000, Access.LOAD));
        assertFalse(m.fastPathCovers(0x2000, Access.STORE), "D is clear: a store must go the slow way");
        m.translate(0x2000, Access.STORE);
        assertTrue(m.fastPathCovers(0x2000, Access.STORE));
        m.translate(0x3000, Access.LOAD);             // unified, 2 entries: evicts page 1 (LRU), the fetch side's slot
        assertFalse(m.fastPathCovers(0x1000, Access.FETCH));
        assertTrue(m.fastPathCovers(0x2000, Access.STORE), "page 2 is the data side's previous page");
        m.translate(0x2008, Access.STORE);             // swaps: page 2 current, page 3 previous
        assertTrue(m.fastPathCovers(0x3000, Access.LOAD));
        m.invalidatePage(0x7000);
        assertFalse(m.fastPathCovers(0x3000, Access.LOAD), "any sfence forgets both sides");
        Mmu reference = new Mmu(Geometry.SV39, mem, TlbConfig.DEFAULT, false);
        reference.setRoot(pt.root, 1);
        reference.translate(0x1000, Access.LOAD);
        assertFalse(reference.fastPathCovers(0x1000, Access.LOAD));
    }
}
