package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** tmpfs file data: a sparse page map charged to its file system. */
class MemStoreTest {
    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    private static String read(MemStore m, long pos, int n) {
        byte[] b = new byte[n];
        int got = m.read(pos, b, 0, n);
        return new String(b, 0, got, StandardCharsets.ISO_8859_1);
    }

    @Test void truncateGrowShrinkAndRegrowReadsZeros() {
        MemStore m = new MemStore();
        m.write(0, bytes("abcdefgh"), 0, 8);
        m.truncate(3 * 4096);
        assertEquals(1, m.pages(), "growing allocates nothing");
        m.truncate(10);
        assertEquals(10, m.size());
        m.truncate(4);
        m.truncate(8);
        assertEquals("abcd\0\0\0\0", read(m, 0, 8), "bytes past a cut read as zeros after regrowth");
        m.truncate(0);
        assertEquals(0, m.pages());
    }

    @Test void hugeOffsetsHoldOnePageAndReadTheirOwnBytes() {
        MemStore m = new MemStore();
        long far = 1L << 42;
        m.write(far, bytes("z"), 0, 1);
        assertEquals(far + 1, m.size());
        assertEquals(1, m.pages());
        assertEquals(8, m.blocks());
        assertEquals("z", read(m, far, 1));
        assertEquals("\0", read(m, 1L << 41, 1), "a hole reads as zeros");
        assertEquals("", read(m, 1L << 44, 1), "past the end: nothing, not the bytes at 0");
        long last = MemStore.MAX_SIZE - 1;
        m.write(last, bytes("!"), 0, 1);
        assertEquals(MemStore.MAX_SIZE, m.size());
        assertEquals("!", read(m, last, 1), "the largest file's last byte");
        assertThrows(FsException.class, () -> m.write(MemStore.MAX_SIZE, bytes("x"), 0, 1));
        assertEquals(4096 - 1, m.read(MemStore.MAX_SIZE - 4095, new byte[8192], 0, 8192));
    }

    /** A read fills the caller's buffer whole: the pages' bytes, and zeros for every hole between and after them. */
    @Test void holesReadAsZerosOverWhatTheBufferHeld() {
        MemStore m = new MemStore();
        m.write(100, bytes("first"), 0, 5);
        m.write(3 * 4096 - 2, bytes("edge"), 0, 4);           // spans pages 2 and 3; page 1 is a hole
        m.truncate(5 * 4096);                                   // page 4 and the end of 3 too
        byte[] b = new byte[5 * 4096];
        java.util.Arrays.fill(b, (byte) 0x55);
        assertEquals(5 * 4096 - 50, m.read(50, b, 0, b.length));
        byte[] want = new byte[5 * 4096];
        System.arraycopy(bytes("first"), 0, want, 50, 5);
        System.arraycopy(bytes("edge"), 0, want, 3 * 4096 - 52, 4);
        java.util.Arrays.fill(want, 5 * 4096 - 50, want.length, (byte) 0x55);   // past what was read: untouched
        assertArrayEquals(want, b);
    }

    @Test void aFullFileSystemTakesWhatFitsThenSaysEnospc() {
        Tmpfs fs = new Tmpfs(2 * 4096, dev.vitrine.mm.KernelPages.heap());
        MemStore m = new MemStore(fs);
        assertEquals(6000, m.room(0, 6000));
        assertEquals(2 * 4096 - 100, m.room(100, 3 * 4096), "two pages' worth from offset 100");
        FsException e = assertThrows(FsException.class, () -> m.room(2 * 4096, 10));
        assertEquals(Errno.ENOSPC, e.errno());
        assertEquals(2, fs.pages());
        m.truncate(4096);
        assertEquals(1, fs.pages(), "a shrink gives the page back");
        assertEquals(10, m.room(5 * 4096, 10), "and a hole far out can have it");
    }

    @Test void seekDataAndSeekHoleFollowThePages() {
        MemStore m = new MemStore();
        m.write(4096, bytes("a"), 0, 1);
        m.write(3 * 4096 + 5, bytes("b"), 0, 1);
        assertEquals(4096, m.nextData(0));
        assertEquals(0, m.nextHole(0));
        assertEquals(2 * 4096, m.nextHole(4096));
        assertEquals(3 * 4096, m.nextData(2 * 4096));
        assertEquals(m.size(), m.nextHole(3 * 4096), "the end of the file is a hole");
        m.truncate(3 * 4096);
        assertEquals(-1, m.nextData(2 * 4096), "no data left past the cut");
    }
}
