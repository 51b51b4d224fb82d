package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The chapter's worked numbers; each expected value is the chapter's own. */
class ChapterArithmeticTest {
    static final long VA = 0b11110000111100001111000010101010L;

    @Test void pageCounts() {
        assertEquals(BigInteger.ONE.shiftLeft(20), TableSizes.pages(GeometrySpec.build(null, 32, "4K", null, null, null)));
        assertEquals(BigInteger.ONE.shiftLeft(52), TableSizes.pages(GeometrySpec.build(null, 64, "4K", null, null, null)));
    }

    @Test void singleLevelTableIsFourMiBAnd64BitIs2To55() {
        Geometry flat = GeometrySpec.build(null, 32, "4K", null, null, null);
        assertEquals(4, flat.pteBytes());
        assertEquals(BigInteger.valueOf(4L << 20), TableSizes.singleLevelBytes(flat, flat.pteBytes()));
        assertEquals("4 MiB", Sizes.bytes(TableSizes.singleLevelBytes(flat, 4)));
        Geometry wide = GeometrySpec.build(null, 64, "4K", null, null, null);
        assertEquals(BigInteger.ONE.shiftLeft(55), TableSizes.singleLevelBytes(wide, wide.pteBytes()));
    }

    @Test void splitWith4KiBAnd256BytePages() {
        Geometry g4k = GeometrySpec.build(null, 32, "4K", null, null, null);
        Translation t = Translator.translate(g4k, VA, 1, null);
        assertEquals(0b11110000111100001111L, t.vpn());
        assertEquals(0b000010101010L, t.offset());
        Geometry g256 = GeometrySpec.build(null, 32, "256", null, null, null);
        t = Translator.translate(g256, VA, 1, null);
        assertEquals(0b111100001111000011110000L, t.vpn());
        assertEquals(0b10101010L, t.offset());
        assertArrayEquals(new String[] {"111100001111000011110000", "10101010"}, TranslationReport.fieldBits(g256, VA));
    }

    @Test void sixtyFourBitThreeLevelQuestion() {
        Geometry g = GeometrySpec.build(null, 64, "4K", null, 3, null);
        assertArrayEquals(new int[] {18, 17, 17}, g.levelBits());
        assertEquals(12, g.pageBits());
        assertEquals(52, 18 + 17 + 17);
    }

    /** 4 MiB single-level against 3 tables for a small process: 12 KiB, or the chapter's 10 KiB with 2-byte top entries. */
    @Test void multiLevelFewKiBForASmallProcess() {
        Geometry g = Geometry.X86_32;
        List<Region> small = TableSizes.smallProcess(g);
        TableSizes.MultiLevel m = TableSizes.multiLevel(g, small, new int[] {4, 4});
        assertArrayEquals(new long[] {1, 2}, m.tables());
        assertEquals(BigInteger.valueOf(12 * 1024), m.total());
        assertEquals(BigInteger.valueOf(10 * 1024), TableSizes.multiLevel(g, small, new int[] {2, 4}).total());
        // Each sub-table covers 1024 x 4 KiB = 4 MiB: a region one byte past that needs a second one.
        assertEquals(1, TableSizes.tablesAt(g, 1, List.of(Region.parse("0x0+4M"))));
        assertEquals(2, TableSizes.tablesAt(g, 1, List.of(Region.parse("0x0-0x400001"))));
        assertEquals(2, TableSizes.tablesAt(g, 1, List.of(Region.parse("0x0+4K"), Region.parse("0x10000000+4K"))));
        assertEquals(1, TableSizes.tablesAt(g, 1, List.of(Region.parse("0x0+4K"), Region.parse("0x2000+4K"))));
    }

    @Test void fullyMappedMultiLevelCostsMoreThanSingleLevel() {
        assertEquals(BigInteger.valueOf((4L << 20) + 4096), TableSizes.fullMultiLevel(Geometry.X86_32, new int[] {4, 4}));
        assertEquals("4 MiB + 4 KiB", Sizes.bytes(TableSizes.fullMultiLevel(Geometry.X86_32, new int[] {4, 4})));
    }

    @Test void geometryInputErrors() {
        assertThrows(IllegalArgumentException.class, () -> GeometrySpec.build(null, 32, "4K", "10,9", null, null));
        assertThrows(IllegalArgumentException.class, () -> GeometrySpec.build(null, 32, "3K", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> GeometrySpec.build("sv39", 32, null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> GeometrySpec.build(null, null, "4K", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> GeometrySpec.build(null, 32, "4K", "10,10", 2, null));
        assertEquals(Geometry.SV39, GeometrySpec.build("sv39", null, null, null, null, null));
    }
}
