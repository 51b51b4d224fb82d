package dev.vitrine.mmu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static dev.vitrine.mmu.PageTables.*;
import static org.junit.jupiter.api.Assertions.*;

/** Walks over hand-built tables for every preset, with no TLB so that every access walks. */
class PageWalkerTest {
    static final List<Geometry> presets = Geometry.PRESETS;
    static final TlbConfig NO_TLB = new TlbConfig(0, 0, TlbConfig.Policy.LRU, true, false, 0);

    record Rig(Geometry g, PhysicalMemory mem, PageTables pt, Mmu mmu) {}

    static Rig rig(Geometry g) {
        PhysicalMemory mem = new PhysicalMemory(16L << 20, g.pageBits());
        PageTables pt = new PageTables(g, mem, 1L << 20);
        Mmu mmu = new Mmu(g, mem, NO_TLB);
        mmu.setRoot(pt.root, 1);
        return new Rig(g, mem, pt, mmu);
    }

    static final long VA = 0x1234_5000L;

    @ParameterizedTest @FieldSource("presets")
    void loadThenStoreWalkEveryLevelAndSetAccessedThenDirty(Geometry g) {
        Rig r = rig(g);
        long frame = r.pt.mapNew(VA, URW);
        long ptePa = r.pt.ptePa(VA, g.levels() - 1);

        assertEquals(frame + 0x123, r.mmu.translate(VA + 0x123, Access.LOAD));
        MmuStats s = r.mmu.stats();
        assertEquals(1, s.walks);
        assertEquals(g.levels(), s.pteReads);
        assertEquals(1, s.pteWrites, "A set once");
        assertEquals(Pte.A, r.pt.pte(ptePa) & (Pte.A | Pte.D));

        assertEquals(frame + 0xff8, r.mmu.translate(VA + 0xff8, Access.STORE));
        assertEquals(2, s.walks);
        assertEquals(2L * g.levels(), s.pteReads);
        assertEquals(2, s.pteWrites, "D set by the store's walk");
        assertEquals(Pte.A | Pte.D, r.pt.pte(ptePa) & (Pte.A | Pte.D));

        r.mmu.translate(VA, Access.STORE);
        assertEquals(2, s.pteWrites, "A and D already set: no write");
        assertEquals(3, s.dataMisses, "without a TLB every access is a miss");
        assertEquals(0, s.dataHits);
    }

    @ParameterizedTest @FieldSource("presets")
    void storeToFreshPageWritesAAndDInOneWrite(Geometry g) {
        Rig r = rig(g);
        r.pt.mapNew(VA, URW);
        r.mmu.translate(VA, Access.STORE);
        assertEquals(1, r.mmu.stats().pteWrites);
        assertEquals(Pte.A | Pte.D, r.pt.pte(r.pt.ptePa(VA, g.levels() - 1)) & (Pte.A | Pte.D));
    }

    @ParameterizedTest @FieldSource("presets")
    void missingEntriesAreNotPresentAfterReadingUpToTheHole(Geometry g) {
        Rig r = rig(g);
        assertEquals(Mmu.FAULT, r.mmu.translate(VA, Access.LOAD));
        assertEquals(FaultCause.NOT_PRESENT, r.mmu.faultCause());
        assertEquals(VA, r.mmu.faultAddress());
        assertEquals(Access.LOAD, r.mmu.faultAccess());
        assertEquals(1, r.mmu.stats().pteReads, "the root entry is already invalid");

        r.pt.mapNew(VA, URW);                       // builds every table on the way
        long neighbour = VA + g.pageSize();         // same last-level table, no leaf
        assertEquals(Mmu.FAULT, r.mmu.translate(neighbour, Access.FETCH));
        assertEquals(1 + g.levels(), r.mmu.stats().pteReads);
        assertEquals(2, r.mmu.stats().faults[FaultCause.NOT_PRESENT.ordinal()]);
        assertEquals(2, r.mmu.stats().walks);
    }

    @ParameterizedTest @FieldSource("presets")
    void permissionsAreCheckedBeforeAccessedIsSet(Geometry g) {
        Rig r = rig(g);
        long ps = g.pageSize();
        long readOnly = r.pt.map(VA, r.pt.alloc(ps), UR);
        long execOnly = r.pt.map(VA + ps, r.pt.alloc(ps), Pte.U | Pte.X);
        long kernel = r.pt.map(VA + 2 * ps, r.pt.alloc(ps), Pte.R | Pte.W);
        long writeOnly = r.pt.map(VA + 3 * ps, r.pt.alloc(ps), Pte.U | Pte.W);
        long data = r.pt.map(VA + 4 * ps, r.pt.alloc(ps), URW);

        assertProtection(r, VA, Access.STORE);            // no W
        assertProtection(r, VA, Access.FETCH);            // no X
        assertProtection(r, VA + ps, Access.LOAD);        // X only: no MXR
        assertProtection(r, VA + 2 * ps, Access.LOAD);    // no U
        assertProtection(r, VA + 3 * ps, Access.STORE);   // W without R is reserved
        assertProtection(r, VA + 4 * ps, Access.FETCH);   // data is not code
        for (long pte : new long[] {readOnly, execOnly, kernel, writeOnly, data})
            assertEquals(0, r.pt.pte(pte) & Pte.A, "no A on a refused access");
        assertEquals(0, r.mmu.stats().pteWrites);
        assertEquals(6, r.mmu.stats().faults[FaultCause.PROTECTION.ordinal()]);

        assertNotEquals(Mmu.FAULT, r.mmu.translate(VA + ps, Access.FETCH));
        assertNotEquals(Mmu.FAULT, r.mmu.translate(VA, Access.LOAD));
        assertEquals(Pte.A, r.pt.pte(execOnly) & Pte.A);
    }

    static void assertProtection(Rig r, long va, int access) {
        assertEquals(Mmu.FAULT, r.mmu.translate(va, access), Access.name(access) + " at " + Long.toHexString(va));
        assertEquals(FaultCause.PROTECTION, r.mmu.faultCause());
        assertEquals(access, r.mmu.faultAccess());
    }

    @ParameterizedTest @FieldSource("presets")
    void addressesOutsideTheGeometryAreOutOfRangeWithoutALookup(Geometry g) {
        Rig r = rig(g);
        long bad = g.signExtended() ? 1L << (g.vaBits() - 1) : 1L << g.vaBits();
        assertFalse(g.representable(bad));
        assertEquals(Mmu.FAULT, r.mmu.translate(bad, Access.LOAD));
        assertEquals(FaultCause.OUT_OF_RANGE, r.mmu.faultCause());
        assertEquals(0, r.mmu.stats().pteReads);
        assertEquals(0, r.mmu.stats().misses() + r.mmu.stats().hits());
        if (g.signExtended()) {   // the canonical top of the upper half is representable: a walk, not a range fault
            assertEquals(Mmu.FAULT, r.mmu.translate(-g.pageSize(), Access.LOAD));
            assertEquals(FaultCause.NOT_PRESENT, r.mmu.faultCause());
        }
    }

    @ParameterizedTest @FieldSource("presets")
    void theHighestUserPageTranslates(Geometry g) {
        Rig r = rig(g);
        long top = g.userTop() - g.pageSize();
        long frame = r.pt.mapNew(top, URW);
        assertEquals(frame + 7, r.mmu.translate(top + 7, Access.LOAD));
    }

    @ParameterizedTest @FieldSource("presets")
    void noRootMeansOutOfRange(Geometry g) {
        Mmu mmu = new Mmu(g, new PhysicalMemory(1 << 20, g.pageBits()), TlbConfig.DEFAULT);
        assertEquals(Mmu.FAULT, mmu.translate(0x1000, Access.FETCH));
        assertEquals(FaultCause.OUT_OF_RANGE, mmu.faultCause());
    }

    @ParameterizedTest @FieldSource("presets")
    void aPointerAtTheLastLevelIsMalformed(Geometry g) {
        Rig r = rig(g);
        long ptePa = r.pt.ptePa(VA, g.levels() - 1);
        r.pt.setPte(ptePa, Pte.make(5, Pte.V));
        assertProtection(r, VA, Access.LOAD);
        assertEquals(g.levels(), r.mmu.stats().pteReads);
    }

    @ParameterizedTest @FieldSource("presets")
    void aFrameOutsideMemoryIsRefused(Geometry g) {
        Rig r = rig(g);
        r.pt.map(VA, r.mem.size(), URW);
        assertProtection(r, VA, Access.LOAD);
    }
}
