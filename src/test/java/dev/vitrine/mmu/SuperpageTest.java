package dev.vitrine.mmu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.mmu.PageTables.*;
import static org.junit.jupiter.api.Assertions.*;

/** Leaves above the last level: sv39 megapages (2 MiB) and gigapages (1 GiB), x86-32's 4 MiB pages. */
class SuperpageTest {
    final PhysicalMemory mem = new PhysicalMemory(16L << 20, 12);
    final PageTables pt = new PageTables(Geometry.SV39, mem, 8L << 20);   // tables above the 2 MiB frames we map

    Mmu mmu(String tlb) {
        Mmu m = new Mmu(Geometry.SV39, mem, TlbConfig.parse(tlb, true, false, 0));
        m.setRoot(pt.root, 1);
        return m;
    }

    @Test void megapageWalkStopsAtTheMiddleLevelAndOneEntryCoversIt() {
        long va = 0x4020_0000L, pa = 0x20_0000L;                 // both 2 MiB aligned
        long ptePa = pt.mapAt(1, va, pa, URW);
        Mmu m = mmu("4:2");
        assertEquals(pa + 0x1_2345, m.translate(va + 0x1_2345, Access.LOAD));
        assertEquals(2, m.stats().pteReads, "root entry, then the leaf at level 1");
        assertEquals(Pte.A, pt.pte(ptePa) & (Pte.A | Pte.D));
        for (long off = 0; off < (2L << 20); off += 4096)
            assertEquals(pa + off, m.translate(va + off, Access.LOAD));
        assertEquals(1, m.stats().dataMisses, "512 base pages, one TLB entry");
        assertEquals(512, m.stats().dataHits);
        assertEquals(va, m.dataTlb().vpn(m.dataTlb().find(va >>> 12, 1)) << 12);
    }

    @Test void gigapageWalkReadsOneEntry() {
        long va = 0x8000_0000L;                                  // level-0 index 2
        pt.mapAt(0, va, 0, URW);
        Mmu m = mmu("0");
        assertEquals(0x5008, m.translate(va + 0x5008, Access.STORE));
        assertEquals(1, m.stats().pteReads);
        assertEquals(1, m.stats().pteWrites);
    }

    @Test void aPartOfAGigapageBeyondMemoryIsRefusedEvenOnAHit() {
        long va = 0x8000_0000L;
        pt.mapAt(0, va, 0, URW);
        Mmu m = mmu("8");
        assertNotEquals(Mmu.FAULT, m.translate(va, Access.LOAD));
        assertEquals(Mmu.FAULT, m.translate(va + (64L << 20), Access.LOAD));
        assertEquals(FaultCause.PROTECTION, m.faultCause());
        assertEquals(1, m.stats().dataHits, "the entry covers it; the physical check refuses it");
    }

    @Test void misalignedSuperpageIsAProtectionFault() {
        long va = 0x4020_0000L;
        pt.mapAt(1, va, 0x20_1000L, URW);                        // frame not 2 MiB aligned
        Mmu m = mmu("8");
        assertEquals(Mmu.FAULT, m.translate(va, Access.LOAD));
        assertEquals(FaultCause.PROTECTION, m.faultCause());
        assertEquals(0, m.stats().pteWrites);
        assertEquals(0, m.dataTlb().validEntries(), "faults are not cached");
    }

    @Test void x86FourMegabytePage() {
        PhysicalMemory m32 = new PhysicalMemory(16L << 20, 12);
        PageTables t = new PageTables(Geometry.X86_32, m32, 8L << 20);
        t.mapAt(0, 0xC040_0000L, 0x40_0000L, URW);
        Mmu m = new Mmu(Geometry.X86_32, m32, TlbConfig.DEFAULT);
        m.setRoot(t.root, 1);
        assertEquals(0x40_0000L + 0x3f_f123, m.translate(0xC040_0000L + 0x3f_f123, Access.LOAD));
        assertEquals(1, m.stats().pteReads);
        Walk w = m.explain(0xC040_0000L);
        assertEquals(0, w.leafLevel());
        assertEquals(4L << 20, w.pageSize());
    }

    @Test void aStoreThatReWalksASuperpageKeepsOneEntry() {
        long va = 0x4020_0000L;
        long ptePa = pt.mapAt(1, va, 0x20_0000L, URW);
        Mmu m = mmu("4:2");
        m.translate(va, Access.LOAD);
        m.translate(va + 0x3000, Access.STORE);
        assertEquals(Pte.A | Pte.D, pt.pte(ptePa) & (Pte.A | Pte.D));
        assertEquals(1, m.stats().dirtyWalks);
        assertEquals(1, m.dataTlb().validEntries());
        assertEquals(0x20_3000L, m.translate(va + 0x3000, Access.STORE));
        assertEquals(2, m.stats().walks);
    }

    @Test void aStoreReWalkThatFindsAPromotedMegapageLeavesOneEntryForIt() {
        // The kernel replaces a last-level table by a megapage without an sfence: the TLB still
        // holds the old base-page entry for page 0 of the region when another page fills a megapage
        // entry. The store's D re-walk finds the megapage and must leave exactly one entry covering page 0.
        long va = 0x4020_0000L, megaFrame = 0x20_0000L;
        pt.map(va, megaFrame, URW);                                  // base page first, same frame
        Mmu m = mmu("8");
        assertEquals(megaFrame, m.translate(va, Access.LOAD));
        long l1 = pt.ptePa(va, 1);
        pt.setPte(l1, Pte.make(megaFrame >>> 12, URW | Pte.V));       // promote
        assertEquals(megaFrame + 0x5000, m.translate(va + 0x5000, Access.LOAD));
        assertEquals(2, m.dataTlb().validEntries(), "stale base entry + megapage entry");
        assertEquals(megaFrame + 8, m.translate(va + 8, Access.STORE));
        assertEquals(1, m.stats().dirtyWalks);
        assertEquals(1, m.dataTlb().validEntries());
        assertEquals(512, m.dataTlb().pages(m.dataTlb().find(va >>> 12, 1)));
        assertEquals(Pte.A | Pte.D, pt.pte(l1) & (Pte.A | Pte.D));
        assertEquals(megaFrame + 0x7000, m.translate(va + 0x7000, Access.STORE));
        assertEquals(3, m.stats().walks, "two misses and the D re-walk; the megapage now has D");
    }
}
