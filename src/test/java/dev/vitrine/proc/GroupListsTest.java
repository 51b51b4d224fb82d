package dev.vitrine.proc;

import dev.vitrine.abi.Cred;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mm.KernelMemory;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mmu.PhysicalMemory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** setgroups' lists are kernel memory: charged once per list, shared by the threads holding it, given back by the last. */
class GroupListsTest {
    private static final long PS = 4096;

    @Test void aListCostsItsPagesUntilItsLastHolderLetsGo() {
        FrameAllocator frames = new FrameAllocator(new PhysicalMemory(64 * PS, 12));
        frames.pager().configure(PolicyKind.FIFO, 0, 32 * PS);
        KernelMemory km = frames.pager().kernelMemory();
        GroupLists lists = new GroupLists(() -> km);
        long before = km.pages();

        Cred big = Cred.root().withGroups(new int[Cred.NGROUPS_MAX]);     // 65536 ids: 64 pages
        assertTrue(lists.charge(big));
        assertEquals(before + 64, km.pages());
        lists.ref(big);
        lists.ref(big.withUids(1, 1, 1, 1));                               // a set*id keeps the same list
        assertTrue(lists.charge(big), "a list already held is not charged twice");
        assertEquals(before + 64, km.pages());

        Cred other = Cred.root().withGroups(new int[Cred.NGROUPS_MAX]);
        assertFalse(lists.charge(other), "64 frames and 32 swap slots hold one such list, not two");
        assertEquals(before + 64, km.pages(), "a refused list leaves nothing charged");

        lists.unref(big);
        assertEquals(before + 64, km.pages(), "one holder is left");
        lists.unref(big);
        assertEquals(before, km.pages(), "the last holder gave the pages back");
        assertTrue(lists.charge(other));
        assertTrue(lists.charge(Cred.user()), "no groups, no pages");
        assertEquals(before + 64, km.pages());
    }
}
