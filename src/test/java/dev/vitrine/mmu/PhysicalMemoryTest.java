package dev.vitrine.mmu;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Lazy physical memory: reads and writes across chunks, and only what is written holds memory. */
class PhysicalMemoryTest {
    private static final int C = PhysicalMemory.CHUNK;

    @Test void untouchedMemoryReadsZeroAndHoldsNothing() {
        PhysicalMemory m = new PhysicalMemory(64L << 20, 12);
        assertEquals(0, m.read64(5 * C + 8));
        byte[] b = new byte[3 * C];
        m.read(C - 5, b, 0, b.length);
        assertArrayEquals(new byte[3 * C], b);
        m.fill(0, 16 * C, (byte) 0);
        m.copy(20 * C, 40 * C, 4 * C);
        assertEquals(0, m.touchedBytes(), "reading and zeroing untouched memory touches nothing");
    }

    @Test void aWriteTouchesItsChunkOnlyAndLeavesTheOthersZero() {
        PhysicalMemory m = new PhysicalMemory(64L << 20, 12);
        m.write64(7 * C + 16, -1L);
        m.write8(9 * C, 0x5a);
        m.write(3 * C - 2, new byte[] {1, 2, 3, 4}, 0, 4); // over a chunk boundary: two chunks
        m.fill(11 * C + 1, 2, (byte) 7);
        m.copy(7 * C, 13 * C, C);
        assertEquals(6L * C, m.touchedBytes());
        assertEquals(-1L, m.read64(7 * C + 16));
        assertEquals(-1L, m.read64(13 * C + 16));
        assertEquals(0x0403, m.read16(3 * C));
        assertEquals(0x0201, m.read16(3 * C - 2));
        assertEquals(0x0707, m.read16(11 * C + 1));
        for (long pa : new long[] {0, 8 * C, 10 * C, 12 * C, 14 * C, (64L << 20) - 8})
            assertEquals(0, m.read64(pa), "untouched chunk at " + pa);
        m.fill(7 * C, C, (byte) 0);
        assertEquals(0, m.read64(7 * C + 16), "zeroing a touched chunk clears it");
    }

    @Test void aWordOverAChunkBoundaryIsReadAndWrittenWhole() {
        PhysicalMemory m = new PhysicalMemory(64L << 10, 12);
        for (int size : new int[] {2, 4, 8})
            for (int back = 1; back < size; back++) {
                long pa = (long) size * C - back;
                long v = size == 8 ? 0x8877665544332211L : 0x8877665544332211L & ((1L << 8 * size) - 1);
                switch (size) {
                    case 2 -> { m.write16(pa, (int) v); assertEquals(v, m.read16(pa)); }
                    case 4 -> { m.write32(pa, (int) v); assertEquals((int) v, m.read32(pa)); }
                    default -> { m.write64(pa, v); assertEquals(v, m.read64(pa)); }
                }
                assertEquals(0x11, m.read8(pa));
                assertEquals(v >>> (8 * (size - 1)), m.read8(pa + size - 1));
            }
    }

    @Test void bulkOperationsAcrossChunksMatchOneFlatArray() {
        Random r = new Random(11);
        int size = 40 * C;
        PhysicalMemory m = new PhysicalMemory(size, 12);
        byte[] flat = new byte[size];
        for (int i = 0; i < 300; i++) {
            int len = r.nextInt(3 * C), a = r.nextInt(size - len), b = r.nextInt(size - len);
            switch (r.nextInt(4)) {
                case 0 -> {
                    byte[] src = new byte[len];
                    r.nextBytes(src);
                    m.write(a, src, 0, len);
                    System.arraycopy(src, 0, flat, a, len);
                }
                case 1 -> {
                    byte v = (byte) (r.nextBoolean() ? 0 : r.nextInt());
                    m.fill(a, len, v);
                    java.util.Arrays.fill(flat, a, a + len, v);
                }
                case 2 -> {
                    int near = Math.max(0, Math.min(size - len, a + r.nextInt(2 * C) - C)); // often overlapping
                    m.copy(a, near, len);
                    System.arraycopy(flat, a, flat, near, len);
                }
                default -> {
                    m.copy(a, b, len);
                    System.arraycopy(flat, a, flat, b, len);
                }
            }
        }
        byte[] all = new byte[size];
        m.read(0, all, 0, size);
        assertArrayEquals(flat, all);
        for (int i = 0; i < 1000; i++) {
            int pa = r.nextInt(size / 8) * 8;
            assertEquals(java.nio.ByteBuffer.wrap(flat, pa, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(), m.read64(pa));
        }
    }

    @Test void sixteenGiBHoldOnlyWhatIsTouched() {
        PhysicalMemory m = new PhysicalMemory(16L << 30, 12);
        assertEquals(16L << 30, m.size());
        assertEquals(4L << 20, m.frames());
        long top = (16L << 30) - 8;
        m.write64(top, 0x1122334455667788L);
        m.write32(3L << 32, 42);
        assertEquals(0x1122334455667788L, m.read64(top));
        assertEquals(42, m.read32(3L << 32));
        assertEquals(0, m.read32((3L << 32) + C));
        assertEquals(2L * C, m.touchedBytes());
        assertThrows(IndexOutOfBoundsException.class, () -> m.read(top, new byte[16], 0, 16));
    }

    @Test void sizesPastTheCeilingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PhysicalMemory(PhysicalMemory.MAX_BYTES, 12));
        assertThrows(IllegalArgumentException.class, () -> new PhysicalMemory(0, 12));
    }
}
