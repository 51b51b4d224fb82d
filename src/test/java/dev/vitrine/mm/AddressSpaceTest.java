package dev.vitrine.mm;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AddressSpaceTest {
    private final PhysicalMemory memory = new PhysicalMemory(4 << 20, 12);
    private final FrameAllocator frames = new FrameAllocator(memory);
    private final AddressSpace as = AddressSpace.create(Geometry.SV39, frames);
    private static final long A = 0x1000_0000L;

    @Test void nothingIsMappedUntilTouched() {
        as.map(Vma.anonymous(A, A + 4 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        assertEquals(0, as.residentPages());
        assertEquals(Fault.HANDLED, as.fault(A + 5000, Access.LOAD));
        assertEquals(1, as.residentPages());
        assertEquals(1, as.stats().minorFaults);
        long pte = as.pageTable().get(A + 4096);
        assertTrue(Pte.valid(pte) && (pte & Pte.W) != 0 && (pte & Pte.U) != 0);
    }

    @Test void faultsOutsideOrAgainstProtectionAreInvalid() {
        as.map(Vma.anonymous(A, A + 4096, Prot.READ, Prot.MAP_PRIVATE, ""));
        assertEquals(Fault.MAPERR, as.fault(A + 4096, Access.LOAD));
        assertEquals(Fault.ACCERR, as.fault(A, Access.STORE));
        assertEquals(Fault.ACCERR, as.fault(A, Access.FETCH));
        assertEquals(Fault.HANDLED, as.fault(A, Access.LOAD));
    }

    @Test void writeOnlyMapsReadWriteBecauseWWithoutRIsReserved() {
        long bits = AddressSpace.pteBits(Prot.WRITE);
        assertEquals(Pte.R | Pte.W, bits & (Pte.R | Pte.W | Pte.X));
        assertEquals(0, AddressSpace.pteBits(Prot.NONE));
        assertEquals(Pte.X, AddressSpace.pteBits(Prot.EXEC) & (Pte.R | Pte.W | Pte.X));
    }

    @Test void munmapSplitsAndFreesFrames() {
        as.map(Vma.anonymous(A, A + 3 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        for (int i = 0; i < 3; i++) as.fault(A + i * 4096L, Access.STORE);
        long used = frames.used();
        as.unmap(A + 4096, A + 2 * 4096);
        assertEquals(used - 1, frames.used());
        assertEquals(2, as.vmas().size());
        assertNull(as.find(A + 4096));
        assertNotNull(as.find(A));
        assertNotNull(as.find(A + 2 * 4096));
        assertEquals(Fault.MAPERR, as.fault(A + 4096, Access.LOAD));
    }

    @Test void mprotectSplitsAndKeepsDataThroughProtNone() {
        as.map(Vma.anonymous(A, A + 3 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory um = new UserMemory(as);
        assertTrue(um.writeLong(A + 4096, 0x1122334455667788L));
        assertTrue(as.protect(A + 4096, A + 2 * 4096, Prot.NONE));
        assertEquals(3, as.vmas().size());
        assertNull(um.readLong(A + 4096), "PROT_NONE must refuse even the kernel's reads");
        assertEquals(Fault.ACCERR, as.fault(A + 4096, Access.LOAD));
        assertTrue(as.protect(A + 4096, A + 2 * 4096, Prot.READ));
        assertEquals(0x1122334455667788L, um.readLong(A + 4096));
        assertFalse(as.protect(A, A + 5 * 4096, Prot.READ), "a hole in the range is ENOMEM");
    }

    @Test void brkGrowsAndShrinksTheHeap() {
        as.setBrk(0x20000);
        assertEquals(0x20000, as.setProgramBreak(0));
        assertEquals(0x25800, as.setProgramBreak(0x25800));
        assertNotNull(as.find(0x25000));
        assertNull(as.find(0x26000));
        assertEquals(0x21000, as.setProgramBreak(0x21000));
        assertNull(as.find(0x21000));
        assertNotNull(as.find(0x20000));
    }

    @Test void stackGrowsDownWithinItsLimitOnly() {
        long top = as.layout().stackTop();
        as.map(new Vma(top - 4096, top, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE | Prot.MAP_GROWSDOWN, null, 0, 0, "[stack]"));
        long[] limit = {64 * 4096};
        as.setLimits(r -> r == Rlimit.STACK ? limit[0] : -1);
        assertEquals(Fault.HANDLED, as.fault(top - 10 * 4096, Access.STORE));
        assertEquals(top - 10 * 4096, as.find(top - 4096).start());
        assertEquals(Fault.MAPERR, as.fault(top - 65 * 4096, Access.STORE), "past RLIMIT_STACK is SEGV_MAPERR, as on Linux");
        limit[0] = -1;   // RLIM_INFINITY: unsigned, so no limit at all
        assertEquals(Fault.HANDLED, as.fault(top - 1000 * 4096, Access.STORE));
    }

    @Test void adjacentAnonymousMappingsMergeAndSplitAgain() {
        long a = as.findFree(4096);
        for (int i = 0; i < 1000; i++) {
            long at = as.findFree(4096);
            as.map(Vma.anonymous(at, at + 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        }
        assertEquals(1, as.mapCount(), "a thousand adjacent mmaps are one area, as on Linux");
        long lo = as.find(a).start();
        assertTrue(as.protect(lo + 4096, lo + 2 * 4096, Prot.READ));
        assertEquals(3, as.mapCount());
        assertTrue(as.protect(lo + 4096, lo + 2 * 4096, Prot.READ | Prot.WRITE));
        assertEquals(1, as.mapCount(), "mprotect back merges again");
        assertEquals(2, as.countAfterCut(lo + 4096, lo + 2 * 4096), "a hole in the middle splits one area in two");
    }

    @Test void findFreeSearchesTopDownFromTheMmapBase() {
        long a = as.findFree(8192);
        assertEquals(as.layout().mmapBase() - 8192, a);
        as.map(Vma.anonymous(a, a + 8192, Prot.READ, Prot.MAP_PRIVATE, ""));
        assertEquals(a - 4096, as.findFree(4096));
    }

    @Test void copyOnWriteCopiesSharedFramesOnly() {
        as.map(Vma.anonymous(A, A + 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory um = new UserMemory(as);
        assertTrue(um.writeLong(A, 42));
        long ptePa = as.pageTable().walk(A, false);
        long pte = as.pageTable().read(ptePa);
        long frame = Pte.ppn(pte);
        frames.incRef(frame);  // as fork would: a second owner
        as.pageTable().set(ptePa, pte & ~Pte.W);
        assertEquals(Fault.HANDLED, as.fault(A, Access.STORE));
        assertEquals(1, as.stats().cowCopies);
        assertNotEquals(frame, Pte.ppn(as.pageTable().get(A)));
        assertEquals(42L, um.readLong(A));
        assertEquals(1, frames.refCount(frame));
    }

    @Test void destroyReturnsEveryFrame() {
        long before = frames.used();
        AddressSpace other = AddressSpace.create(Geometry.X86_32, frames);
        other.map(Vma.anonymous(A, A + 8 * 4096, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        for (int i = 0; i < 8; i++) other.fault(A + i * 4096L, Access.STORE);
        other.destroy();
        assertEquals(before, frames.used());
    }
}
