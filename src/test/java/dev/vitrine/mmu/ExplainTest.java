package dev.vitrine.mmu;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static dev.vitrine.mmu.PageTables.*;
import static org.junit.jupiter.api.Assertions.*;

/** The read-only walk the lab prints: every step, the outcome, and no side effect at all. */
class ExplainTest {
    static final List<Geometry> presets = Geometry.PRESETS;
    static final long VA = 0x0765_4321L;

    @ParameterizedTest @FieldSource("presets")
    void explainShowsEachLevelAndChangesNothing(Geometry g) {
        PhysicalMemory mem = new PhysicalMemory(16L << 20, g.pageBits());
        PageTables pt = new PageTables(g, mem, 1L << 20);
        long frame = pt.mapNew(VA, URW);
        Mmu m = new Mmu(g, mem, TlbConfig.DEFAULT);
        m.setRoot(pt.root, 3);
        byte[] before = PageTables.bytes(mem);

        Walk w = m.explain(VA, Access.STORE);
        assertTrue(w.ok());
        assertEquals(frame + g.offset(VA), w.pa());
        assertEquals(g.levels(), w.steps().size());
        long table = pt.root;
        for (int level = 0; level < g.levels(); level++) {
            WalkStep s = w.steps().get(level);
            assertEquals(level, s.level());
            assertEquals(g.index(VA, level), s.index());
            assertEquals(table + s.index() * g.pteBytes(), s.ptePa());
            assertEquals(mem.readPte(s.ptePa(), g.pteBytes()), s.pte());
            assertEquals(level == g.levels() - 1, s.leaf());
            table = Pte.ppn(s.pte()) << g.pageBits();
        }
        assertEquals(g.levels() - 1, w.leafLevel());
        assertEquals(g.pageSize(), w.pageSize());
        assertEquals(Pte.A | Pte.D, w.setBits(), "what the hardware would write");
        assertTrue(w.toString().contains("sets AD"), w.toString());

        assertArrayEquals(before, PageTables.bytes(mem), "no A/D written");
        assertEquals(new MmuStats().toString(), m.stats().toString(), "no counter moved");
        m.translate(VA, Access.LOAD);
        assertEquals(1, m.stats().dataMisses, "and the TLB was not filled");
    }

    @ParameterizedTest @FieldSource("presets")
    void explainReportsFaults(Geometry g) {
        PhysicalMemory mem = new PhysicalMemory(16L << 20, g.pageBits());
        PageTables pt = new PageTables(g, mem, 1L << 20);
        pt.mapNew(VA, UR);
        Mmu m = new Mmu(g, mem, TlbConfig.DEFAULT);
        m.setRoot(pt.root, 3);
        assertEquals(FaultCause.PROTECTION, m.explain(VA, Access.STORE).fault());
        Walk absent = m.explain(VA + g.pageSize());
        assertEquals(FaultCause.NOT_PRESENT, absent.fault());
        assertEquals(g.levels(), absent.steps().size());
        assertFalse(absent.steps().get(g.levels() - 1).valid());
        assertEquals(FaultCause.OUT_OF_RANGE, m.explain(1L << 62).fault());
        assertEquals(0, m.explain(VA).setBits() & ~Pte.A);
        assertEquals(Mmu.FAULT, absent.pa());
    }
}
