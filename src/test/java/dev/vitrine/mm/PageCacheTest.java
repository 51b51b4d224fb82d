package dev.vitrine.mm;

import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/** The page cache under mappings: coherence with read/write, write-back, truncation, reverse maps. */
class PageCacheTest {
    private static final long A = 0x1000_0000L, B = 0x2000_0000L;

    private final PhysicalMemory memory = new PhysicalMemory(64 * 4096, 12);
    private final FrameAllocator frames = new FrameAllocator(memory);
    private final AddressSpace one = AddressSpace.create(Geometry.SV39, frames);
    private final AddressSpace two = AddressSpace.create(Geometry.SV39, frames);
    private final MemFile file = new MemFile(new byte[3 * 4096]);

    private static byte[] bytes(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    private static String read(UserMemory um, long va, int n) {
        byte[] b = new byte[n];
        assertTrue(um.read(va, b, 0, n));
        return new String(b, StandardCharsets.US_ASCII);
    }

    private Vma shared(long at) { return new Vma(at, at + 3 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_SHARED, file, 0, Long.MAX_VALUE, "f"); }
    private Vma priv(long at) { return new Vma(at, at + 3 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, file, 0, Long.MAX_VALUE, "f"); }

    @Test void oneFrameForEveryMappingOfAPage() {
        one.map(shared(A));
        two.map(shared(B));
        new UserMemory(one).write(A + 10, bytes("hello"));
        assertEquals("hello", read(new UserMemory(two), B + 10, 5));
        assertEquals(Pte(one, A), Pte(two, B));
        assertEquals(1, one.sharedPages());
        byte[] viaRead = new byte[5];
        file.pages().read(10, viaRead, 0, 5);
        assertEquals("hello", new String(viaRead, StandardCharsets.US_ASCII), "read(2) sees a store at once");
        byte[] backing = new byte[5];
        file.read(10, backing, 0, 5);
        assertArrayEquals(new byte[5], backing, "the backing store itself is written only on write-back");
    }

    private static long Pte(AddressSpace as, long va) { return dev.vitrine.mmu.Pte.ppn(as.pageTable().get(va)); }

    @Test void privateMappingsSeeWritesUntilTheyCopy() {
        one.map(priv(A));
        UserMemory um = new UserMemory(one);
        assertEquals(0, read(um, A, 1).charAt(0));
        file.pages().write(0, bytes("v1"), 0, 2);
        assertEquals("v1", read(um, A, 2), "untouched private page shows the cache");
        um.write(A, bytes("P"));
        assertEquals(1, one.stats().cowCopies);
        file.pages().write(0, bytes("v2"), 0, 2);
        assertEquals("P1", read(um, A, 2), "after its copy it keeps its own");
        byte[] b = new byte[2];
        file.pages().read(0, b, 0, 2);
        assertEquals("v2", new String(b, StandardCharsets.US_ASCII), "the private store never reached the file");
    }

    @Test void dirtyPagesAreWrittenBackOnSyncAndUnmap() {
        one.map(shared(A));
        UserMemory um = new UserMemory(one);
        um.write(A + 4096, bytes("dirty"));
        byte[] b = new byte[5];
        file.read(4096, b, 0, 5);
        assertEquals(0, b[0], "not yet in the backing store");
        assertEquals(1, one.sync(A, A + 3 * 4096));
        file.read(4096, b, 0, 5);
        assertEquals("dirty", new String(b, StandardCharsets.US_ASCII));
        assertEquals(0, one.sync(A, A + 3 * 4096), "clean now: D was cleared");
        um.write(A + 8192, bytes("more"));
        one.unmap(A, A + 3 * 4096);
        file.read(8192, b, 0, 4);
        assertEquals("more", new String(b, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(2, one.stats().dirtyWritebacks);
    }

    @Test void evictionWritesDirtyFilePagesBackAndRereadsThemAsMajorFaults() {
        PhysicalMemory small = new PhysicalMemory(5 * 4096, 12);
        FrameAllocator few = new FrameAllocator(small);
        few.pager().configure(PolicyKind.FIFO, 0, 0);
        AddressSpace as = AddressSpace.create(Geometry.SV39, few);
        MemFile f = new MemFile(new byte[4 * 4096]);
        as.map(new Vma(A, A + 4 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_SHARED, f, 0, Long.MAX_VALUE, "f"));
        UserMemory um = new UserMemory(as);
        for (int i = 0; i < 4; i++) um.write(A + i * 4096L, new byte[] {(byte) (i + 1)});
        for (int i = 0; i < 4; i++) assertEquals(i + 1, read(um, A + i * 4096L, 1).charAt(0));
        assertTrue(as.stats().dirtyWritebacks >= 2, "evicted dirty pages went to the file first");
        assertTrue(as.stats().majorFaults >= 2);
        assertEquals(0, as.stats().swapOuts, "file pages never go to swap");
    }

    @Test void sharedAnonymousPagesGoToSwapAndNowhereElse() {
        PhysicalMemory small = new PhysicalMemory(5 * 4096, 12);   // three frames of page tables, two for pages
        FrameAllocator few = new FrameAllocator(small);
        few.pager().configure(PolicyKind.FIFO, 0, 3 * 4096);
        AddressSpace as = AddressSpace.create(Geometry.SV39, few);
        ShmemFile f = new ShmemFile(8 * 4096, 4096);
        as.map(new Vma(A, A + 8 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_SHARED, f, 0, Long.MAX_VALUE, "f"));
        UserMemory um = new UserMemory(as);
        for (int i = 0; i < 4; i++) assertTrue(um.write(A + i * 4096L, new byte[] {(byte) (i + 1)}));
        assertEquals(2, f.swapped(), "evicted pages are in the swap device's slots");
        for (int i = 0; i < 4; i++) assertEquals(i + 1, read(um, A + i * 4096L, 1).charAt(0));
        int written = 4;
        for (int i = 4; i < 8 && um.write(A + i * 4096L, new byte[] {(byte) (i + 1)}); i++) written++;
        assertEquals(5, written, "two frames and three slots hold five pages, no more");
        as.unmap(A, A + 8 * 4096);
        assertEquals(0, few.pager().swap().used(), "the last unmap frees the object's slots");
    }

    @Test void sharedAnonymousPagesStayInRamWithoutSwap() {
        PhysicalMemory small = new PhysicalMemory(6 * 4096, 12);
        FrameAllocator few = new FrameAllocator(small);
        few.pager().configure(PolicyKind.FIFO, 0, 0);
        AddressSpace as = AddressSpace.create(Geometry.SV39, few);
        ShmemFile f = new ShmemFile(8 * 4096, 4096);
        as.map(new Vma(A, A + 8 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_SHARED, f, 0, Long.MAX_VALUE, "f"));
        UserMemory um = new UserMemory(as);
        int written = 0;
        for (int i = 0; i < 8 && um.write(A + i * 4096L, new byte[] {(byte) (i + 1)}); i++) written++;
        assertTrue(written < 8);
        for (int i = 0; i < written; i++) assertEquals(i + 1, read(um, A + i * 4096L, 1).charAt(0), "page " + i + " was not thrown away");
    }

    @Test void truncationUnmapsPagesPastTheEndAndZeroesTheTail() {
        byte[] data = new byte[2 * 4096];
        java.util.Arrays.fill(data, (byte) 'x');
        MemFile f = new MemFile(data);
        one.map(new Vma(A, A + 2 * 4096, Prot.READ, Prot.MAP_SHARED, f, 0, Long.MAX_VALUE, "m"));
        UserMemory um = new UserMemory(one);
        assertEquals("x", read(um, A + 4096 + 5, 1));
        f.truncate(100);
        assertEquals(Fault.BUS, one.fault(A + 4096, Access.LOAD), "a page wholly past the end is SIGBUS");
        assertEquals(0, read(um, A + 200, 1).charAt(0), "the tail of the last page reads zero");
        assertEquals("x", read(um, A + 99, 1));
    }

    /** A resizable in-memory file as the fs's regular files behave towards mm. */
    private static final class MemFile implements MappedFile {
        private byte[] data;
        private final FilePages pages = new FilePages(this);
        MemFile(byte[] d) { data = d; }
        public long size() { return data.length; }
        public int read(long off, byte[] dst, int o, int len) {
            int n = (int) Math.max(0, Math.min(len, data.length - off));
            System.arraycopy(data, (int) off, dst, o, n);
            return n;
        }
        @Override public void write(long off, byte[] src, int o, int len) {
            if (off + len > data.length) data = java.util.Arrays.copyOf(data, (int) (off + len));
            System.arraycopy(src, o, data, (int) off, len);
        }
        public FilePages pages() { return pages; }
        public String name() { return "mem"; }
        void truncate(long n) {
            data = java.util.Arrays.copyOf(data, (int) n);
            pages.truncated(n);
        }
    }
}
