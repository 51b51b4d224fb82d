package dev.vitrine.proc;

import dev.vitrine.mm.AddressSpace;
import dev.vitrine.mm.FrameAllocator;
import dev.vitrine.mm.PageInfo;
import dev.vitrine.mm.Prot;
import dev.vitrine.mm.UserMemory;
import dev.vitrine.mm.Vma;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * smaps and pagemap against the kernel's own state when pages are shared by fork and some of
 * them are on swap: Swap and SwapPss count slots (a slot two PTEs name counts half to each),
 * Rss and Pss the frames, pagemap's bits follow each leaf.
 */
class ProcSmapsTest {
    private static final long A = 0x1000_0000L, PS = 4096;

    @Test void swapAndSharingAsSmapsAndPagemapCountThem() {
        PhysicalMemory memory = new PhysicalMemory(12 * PS, 12);
        FrameAllocator frames = new FrameAllocator(memory);
        frames.pager().configure(PolicyKind.FIFO, 0, 64 * PS);
        AddressSpace parent = AddressSpace.create(Geometry.SV39, frames);
        parent.map(Vma.anonymous(A, A + 16 * PS, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, ""));
        UserMemory pm = new UserMemory(parent);
        for (int i = 0; i < 3; i++) assertTrue(pm.write(A + i * PS, new byte[] {1}));
        AddressSpace child = parent.fork();
        UserMemory cm = new UserMemory(child);
        for (int i = 3; i < 12; i++) assertTrue(cm.write(A + i * PS, new byte[] {2}));

        List<PageInfo> pages = new ArrayList<>();
        child.pages(A, A + 16 * PS, pages::add);
        long swapped = 0, swapPss = 0, rss = 0, pss = 0;
        for (PageInfo p : pages) {
            if (p.swapped()) {
                swapped++;
                swapPss += (PS << 12) / Math.max(1, p.swapCount());
            } else {
                rss++;
                pss += (PS << 12) / (p.refCount() == 1 ? 1 : Math.max(1, p.mapCount()));
            }
        }
        assertTrue(swapped > 0 && rss > 0, "some pages on swap, some in memory");
        assertTrue(pages.stream().anyMatch(p -> p.swapped() && p.swapCount() == 2), "a slot both tables name");

        String smaps = ProcSmaps.smaps(child);
        assertTrue(smaps.contains(String.format("%-16s%8d kB", "Swap:", swapped * PS >> 10)), smaps);
        assertTrue(smaps.contains(String.format("%-16s%8d kB", "SwapPss:", swapPss >> 22)), smaps);
        assertTrue(smaps.contains(String.format("%-16s%8d kB", "Rss:", rss * PS >> 10)), smaps);
        assertTrue(smaps.contains(String.format("%-16s%8d kB", "Pss:", pss >> 22)), smaps);
        assertEquals(child.swappedPages() * PS >> 10, kb(ProcSmaps.rollup(child), "Swap:"), "the rollup's Swap is VmSwap");

        long[] entries = new long[16];
        ProcSmaps.pagemap(child, A / PS, entries, true);
        for (PageInfo p : pages) {
            long e = entries[(int) ((p.va() - A) / PS)];
            assertEquals(p.swapped(), (e & ProcSmaps.PM_SWAP) != 0);
            assertEquals(!p.swapped(), (e & ProcSmaps.PM_PRESENT) != 0);
            if (p.swapped()) assertEquals(p.swapSlot(), (e & ProcSmaps.PM_PFRAME_MASK) >>> 5, "swap offset above the 5 type bits");
            else {
                assertEquals(p.frame(), e & ProcSmaps.PM_PFRAME_MASK);
                assertEquals(p.mapCount() == 1, (e & ProcSmaps.PM_MMAP_EXCLUSIVE) != 0);
            }
        }
        assertEquals(0, entries[15], "an untouched page: no bit at all");
        ProcSmaps.pagemap(child, A / PS, entries, false);
        for (long e : entries) assertEquals(0, e & ProcSmaps.PM_PFRAME_MASK, "no frame or slot for an unprivileged reader");
    }

    private static long kb(String text, String key) {
        for (String l : text.split("\n")) if (l.startsWith(key)) return Long.parseLong(l.substring(key.length()).replace("kB", "").trim());
        return -1;
    }
}
