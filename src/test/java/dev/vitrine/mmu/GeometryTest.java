package dev.vitrine.mmu;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GeometryTest {
    @Test void presetsSplitAddresses() {
        Geometry g = Geometry.X86_32;
        long va = 0b11110000111100001111000010101010L;
        assertEquals(0b1111000011, g.index(va, 0));
        assertEquals(0b1100001111, g.index(va, 1));
        assertEquals(0b000010101010, g.offset(va));
        assertEquals(4L << 20, Geometry.FLAT32.tableBytes(0));
        assertEquals(0x40_0000_0000L, Geometry.SV39.userTop());
    }

    @Test void fieldsMustSum() {
        assertThrows(IllegalArgumentException.class, () -> new Geometry("bad", 32, 12, new int[] {10, 9}, 4));
    }
}
