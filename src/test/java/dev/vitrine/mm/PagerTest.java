package dev.vitrine.mm;

import dev.vitrine.mm.replace.AccessedBits;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mm.replace.ReplacementPolicy;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Page replacement through the kernel's own path: an address space whose physical memory
 * holds exactly N user pages, a swap device, and the same mm.replace policies --policy picks.
 * A fault is a first touch (minor) or a swap-in (major); hits go through UserMemory, which
 * sets the A bit as the hardware would.
 */
class PagerTest {
    private static final long A = 0x1000_0000L;
    private static final int[] BELADY = {1, 2, 3, 4, 1, 2, 5, 1, 2, 3, 4, 5};

    private static long faultsOfString(PolicyKind kind, int userFrames) {
        PhysicalMemory memory = new PhysicalMemory((3L + userFrames) * 4096, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(kind, 1, 64 * 4096);
        AddressSpace as = AddressSpace.create(Geometry.SV39, frames);
        as.map(Vma.anonymous(A, A + 16 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory um = new UserMemory(as);
        for (int page : BELADY) assertTrue(um.write(A + page * 4096L, new byte[] {(byte) page}));
        return as.stats().minorFaults + as.stats().majorFaults;
    }

    @Test void beladysAnomalyUnderFifoInTheKernel() {
        assertEquals(9, faultsOfString(PolicyKind.FIFO, 3));
        assertEquals(10, faultsOfString(PolicyKind.FIFO, 4), "more frames, more faults: Belady's anomaly");
    }

    @Test void lruInTheKernelMatchesTheTextbook() {
        assertEquals(10, faultsOfString(PolicyKind.LRU, 3));
        assertEquals(8, faultsOfString(PolicyKind.LRU, 4));
    }

    @Test void optIsTheYardstickOnTheSameString() {
        // OPT needs the future, so only a simulator can run it; the same policy classes, driven directly.
        assertEquals(7, simulate(PolicyKind.OPT, 3));
        assertEquals(6, simulate(PolicyKind.OPT, 4));
        assertEquals(9, simulate(PolicyKind.FIFO, 3));
        assertEquals(10, simulate(PolicyKind.LRU, 3));
    }

    private static int simulate(PolicyKind kind, int nframes) {
        Map<Integer, Integer> frameOf = new HashMap<>();
        Integer[] pageIn = new Integer[nframes];
        int[] pos = {0};
        ReplacementPolicy p = kind.create(0, f -> {
            for (int i = pos[0] + 1; i < BELADY.length; i++) if (BELADY[i] == pageIn[f]) return i;
            return Long.MAX_VALUE;
        });
        int faults = 0;
        for (pos[0] = 0; pos[0] < BELADY.length; pos[0]++) {
            int page = BELADY[pos[0]];
            Integer f = frameOf.get(page);
            if (f != null) { p.referenced(f); continue; }
            faults++;
            if (frameOf.size() < nframes) f = frameOf.size();
            else {
                f = p.victim(AccessedBits.NONE);
                frameOf.remove(pageIn[f]);
                p.removed(f);
            }
            pageIn[f] = page;
            frameOf.put(page, f);
            p.loaded(f);
        }
        return faults;
    }

    @Test void swappedPagesComeBackIntactAndCountAsMajorFaults() {
        PhysicalMemory memory = new PhysicalMemory(6 * 4096, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(PolicyKind.CLOCK, 0, 64 * 4096);
        AddressSpace as = AddressSpace.create(Geometry.SV39, frames);
        as.map(Vma.anonymous(A, A + 16 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory um = new UserMemory(as);
        for (int page : BELADY) assertTrue(um.write(A + page * 4096L, new byte[] {(byte) page}));
        byte[] b = new byte[1];
        for (int page : BELADY) {
            assertTrue(um.read(A + page * 4096L, b, 0, 1));
            assertEquals(page, b[0]);
        }
        assertEquals(5, as.stats().minorFaults, "one first touch per distinct page");
        assertTrue(as.stats().majorFaults > 0);
        assertEquals(as.stats().majorFaults, as.stats().swapIns);
        assertEquals(3, as.residentPages());
        assertEquals(2, as.swappedPages());
        as.destroy();
        assertEquals(0, frames.pager().swap().used(), "exit frees the swap slots");
    }

    @Test void withoutSwapAnonymousPagesCannotBeEvicted() {
        PhysicalMemory memory = new PhysicalMemory(6 * 4096, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(PolicyKind.FIFO, 0, 0);
        AddressSpace as = AddressSpace.create(Geometry.SV39, frames);
        as.map(Vma.anonymous(A, A + 16 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        for (int i = 0; i < 3; i++) assertEquals(Fault.HANDLED, as.fault(A + i * 4096L, Access.STORE));
        assertEquals(Fault.OOM, as.fault(A + 3 * 4096L, Access.STORE));
    }

    @Test void cleanFilePagesAreDroppedAndReadAgainAsMajorFaults() {
        PhysicalMemory memory = new PhysicalMemory(5 * 4096, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(PolicyKind.FIFO, 0, 0);
        AddressSpace as = AddressSpace.create(Geometry.SV39, frames);
        byte[] image = new byte[4 * 4096];
        for (int i = 0; i < 4; i++) image[i * 4096] = (byte) (10 + i);
        MappedFile file = MappedFile.of("data", image);
        as.map(new Vma(A, A + 4 * 4096, Prot.READ, Prot.MAP_PRIVATE, file, 0, Long.MAX_VALUE, "data"));
        UserMemory um = new UserMemory(as);
        byte[] b = new byte[1];
        for (int round = 0; round < 2; round++)
            for (int i = 0; i < 4; i++) {
                assertTrue(um.read(A + i * 4096L, b, 0, 1));
                assertEquals(10 + i, b[0]);
            }
        // Two frames for pages: every read of the 4-page loop misses, each one reads the file (major).
        assertEquals(8, as.stats().majorFaults);
        assertEquals(0, as.stats().swapOuts);
        assertEquals(6, frames.pager().fileDrops());
    }

    @Test void aFrameSharedByForkIsSwappedOnceAndComesBackToBothSides() {
        PhysicalMemory memory = new PhysicalMemory(12 * 4096, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(PolicyKind.FIFO, 0, 64 * 4096);
        AddressSpace parent = AddressSpace.create(Geometry.SV39, frames);
        parent.map(Vma.anonymous(A, A + 16 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory pm = new UserMemory(parent);
        for (int i = 0; i < 3; i++) assertTrue(pm.write(A + i * 4096L, new byte[] {(byte) (50 + i)}));
        AddressSpace child = parent.fork();
        UserMemory cm = new UserMemory(child);
        // The child touches more pages than memory holds: the shared ones go to swap from both tables.
        for (int i = 3; i < 12; i++) assertTrue(cm.write(A + i * 4096L, new byte[] {(byte) i}));
        assertTrue(parent.swappedPages() > 0 && child.swappedPages() > 0);
        byte[] b = new byte[1];
        for (int i = 0; i < 3; i++) {
            assertTrue(cm.write(A + i * 4096L, new byte[] {(byte) (90 + i)}));
            assertTrue(pm.read(A + i * 4096L, b, 0, 1));
            assertEquals(50 + i, b[0], "the child's store did not reach the parent");
            assertTrue(cm.read(A + i * 4096L, b, 0, 1));
            assertEquals(90 + i, b[0]);
        }
        child.destroy();
        parent.destroy();
        assertEquals(0, frames.pager().swap().used(), "every swap slot freed once no PTE names it");
        assertEquals(0, frames.used(), "and every frame");
    }

    @Test void aProtNonePageCanGoToSwapAndKeepsItsDataAndItsProtection() {
        PhysicalMemory memory = new PhysicalMemory(6 * 4096, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(PolicyKind.FIFO, 0, 64 * 4096);
        AddressSpace as = AddressSpace.create(Geometry.SV39, frames);
        as.map(Vma.anonymous(A, A + 16 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory um = new UserMemory(as);
        assertTrue(um.write(A, new byte[] {42}));
        assertTrue(as.protect(A, A + 4096, Prot.NONE));
        for (int i = 1; i < 6; i++) assertTrue(um.write(A + i * 4096L, new byte[] {(byte) i}));
        assertTrue(PageTable.isSwap(as.pageTable().get(A)), "the oldest page, PROT_NONE, went to swap");
        assertEquals(Fault.ACCERR, as.fault(A, Access.LOAD), "still PROT_NONE on swap");
        assertTrue(as.protect(A, A + 4096, Prot.READ));
        byte[] b = new byte[1];
        assertTrue(um.read(A, b, 0, 1));
        assertEquals(42, b[0]);
        assertEquals(Fault.ACCERR, as.fault(A, Access.STORE));
    }
}
