package dev.vitrine.lab;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.FaultCause;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Pte;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TranslatorTest {
    static final List<String> TABLE = List.of(
            "# the chapter's example",
            "region 0xf0f00000-0xf0f10000 rwu",
            "map 0xf0f0f000 0x1234 rwu",
            "map 0xf0f0e000 0x88 ru   # copy-on-write",
            "swap 0xf0f0d000 7",
            "map 0x00400000 0x42 rxu");

    static Translation run(long va, int access) {
        Geometry g = Geometry.X86_32;
        return Translator.translate(g, va, access, PageTableSpec.parse(TABLE, "t", g));
    }

    /** The two-level 10/10/12 walk: index1 from the top 10 bits, index2 from the next 10, then frame + offset. */
    @Test void twoLevelWalk() {
        Translation t = run(0xF0F0F0AAL, Access.LOAD);
        assertArrayEquals(new long[] {0b1111000011, 0b1100001111}, t.indices());
        assertEquals(2, t.walk().size());
        Translation.Step top = t.walk().get(0), leaf = t.walk().get(1);
        assertEquals(top.tablePa() + 963 * 4, top.ptePa());
        assertEquals(Pte.ppn(top.pte()) << 12, leaf.tablePa());
        assertEquals(leaf.tablePa() + 783 * 4, leaf.ptePa());
        Translation.Mapped m = assertInstanceOf(Translation.Mapped.class, t.outcome());
        assertEquals(0x1234, m.frame());
        assertEquals(0x12340AAL, m.physical());
        assertTrue(Pte.leaf(m.pte()) && (m.pte() & Pte.W) != 0);
    }

    @Test void faultsAreClassifiedAsTheKernelWould() {
        assertFault(run(0xF0F0E010L, Access.STORE), FaultCause.PROTECTION, FaultKind.MINOR, 1);
        assertInstanceOf(Translation.Mapped.class, run(0xF0F0E010L, Access.LOAD).outcome());
        assertFault(run(0xF0F0D010L, Access.LOAD), FaultCause.NOT_PRESENT, FaultKind.MAJOR, 1);
        assertFault(run(0xF0F0C010L, Access.LOAD), FaultCause.NOT_PRESENT, FaultKind.MINOR, 1);
        assertFault(run(0xF0F0C010L, Access.FETCH), FaultCause.NOT_PRESENT, FaultKind.INVALID, 1);
        assertFault(run(0x00400000L, Access.STORE), FaultCause.PROTECTION, FaultKind.INVALID, 1);
        assertFault(run(0x80000000L, Access.LOAD), FaultCause.NOT_PRESENT, FaultKind.INVALID, 0);
        assertInstanceOf(Translation.Mapped.class, run(0x00400004L, Access.FETCH).outcome());
    }

    @Test void swappedPagesCarryTheKernelsSwapEntry() {
        Translation t = run(0xF0F0D010L, Access.LOAD);
        long pte = t.walk().get(1).pte();
        assertTrue(dev.vitrine.mm.PageTable.isSwap(pte));
        assertEquals(7, Pte.ppn(pte));
        assertTrue(((Translation.Faulted) t.outcome()).kernel().contains("slot 7"));
    }

    private static void assertFault(Translation t, FaultCause cause, FaultKind kind, int level) {
        Translation.Faulted f = assertInstanceOf(Translation.Faulted.class, t.outcome(), () -> TranslationReport.text(t));
        assertEquals(cause, f.cause());
        assertEquals(kind, f.kind());
        assertEquals(level, f.level());
        assertEquals(level + 1, t.walk().size());
    }

    @Test void kernelPagesRefuseUserAccess() {
        Geometry g = Geometry.SV39;
        Translation t = Translator.translate(g, 0x5000, Access.LOAD, PageTableSpec.parse(List.of("map 0x5000 9 rw"), "t", g));
        Translation.Faulted f = assertInstanceOf(Translation.Faulted.class, t.outcome());
        assertTrue(f.why().contains("U=0"));
        assertEquals(FaultKind.INVALID, f.kind());
    }

    @Test void seededTablesAreRepeatableAndWalkable() {
        for (Geometry g : List.of(Geometry.SV39, Geometry.X86_32, Geometry.FLAT32, GeometrySpec.build(null, 64, "4K", null, 3, null))) {
            PageTableSpec a = SeededTable.generate(g, 5), b = SeededTable.generate(g, 5);
            assertEquals(a.text(g), b.text(g));
            PageTableSpec again = PageTableSpec.parse(a.text(g).lines().toList(), "gen", g);
            for (PageTableSpec.Mapping m : a.maps()) {
                Translation t = Translator.translate(g, m.vpn() << g.pageBits(), Access.LOAD, again);
                assertEquals(m.frame() << g.pageBits(), assertInstanceOf(Translation.Mapped.class, t.outcome()).physical());
            }
            for (PageTableSpec.Swapped s : a.swapped())
                assertEquals(FaultKind.MAJOR, ((Translation.Faulted) Translator.translate(g, s.vpn() << g.pageBits(), Access.LOAD, again).outcome()).kind());
        }
        assertNotEquals(SeededTable.generate(Geometry.SV39, 1).text(Geometry.SV39), SeededTable.generate(Geometry.SV39, 2).text(Geometry.SV39));
    }

    @Test void badInputNamesTheLine() {
        Geometry g = Geometry.X86_32;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PageTableSpec.parse(List.of("map 0x1000 5 rw", "map 0x2000 zz rw"), "pt.txt", g));
        assertTrue(e.getMessage().startsWith("pt.txt line 2:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PageTableSpec.parse(List.of("mop 0x1000 5"), "pt.txt", g));
        assertTrue(e.getMessage().startsWith("pt.txt line 1:"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PageTableSpec.parse(List.of("", "map 0x100000000 5 r"), "pt.txt", g));
        assertTrue(e.getMessage().startsWith("pt.txt line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PageTableSpec.parse(List.of("map 0x1000 5 q"), "pt.txt", g));
        e = assertThrows(IllegalArgumentException.class, () -> Translator.translate(g, 0x1F0F0F0AAL, Access.LOAD, null));
        assertTrue(e.getMessage().contains("33 bits"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Translator.translate(Geometry.SV39, 0x8000000000L, Access.LOAD, null));
    }
}
