package dev.vitrine.mm;

import dev.vitrine.mmu.Pte;

import java.util.ArrayList;
import java.util.List;

/**
 * mremap's mechanics (Linux's move_vma and move_page_tables): an area changes place by
 * moving its PTEs, not by copying its pages, so frames, swap slots and dirty bits go along.
 */
public final class Remap {
    private Remap() {}

    /** Grows the area that ends at {@code oldEnd} to {@code newEnd}; the caller checked the room is free. */
    public static void growInPlace(AddressSpace as, Vma v, long newEnd) {
        as.cut(v.start(), v.end());
        as.put(new Vma(v.start(), newEnd, v.prot(), v.flags(), v.file(), v.offset(), v.fileLimit(), v.name()));
        as.merge(v.start());
        as.settle();
    }

    /**
     * Moves [oldStart, oldStart+oldLen) of one area to {@code newStart}, {@code newLen} long
     * (the caller cleared the destination). With {@code keepOld} (MREMAP_DONTUNMAP) the old
     * range stays mapped, empty. False when a page table cannot be allocated.
     */
    public static boolean move(AddressSpace as, long oldStart, long oldLen, long newStart, long newLen, boolean keepOld) {
        Vma v = as.find(oldStart);
        PageTable table = as.pageTable();
        List<Long> pages = new ArrayList<>();
        table.visit(oldStart, oldStart + oldLen, (va, ptePa, pte) -> {
            if (va >= oldStart && va < oldStart + oldLen && va - oldStart < newLen) pages.add(va);
        });
        for (long va : pages) {
            long to = newStart + (va - oldStart);
            // Allocating a table may evict pages: read the old PTE only after.
            long newPa = table.walk(to, true);
            if (newPa == PageTable.NO_MEMORY) { as.settle(); return false; }
            long oldPa = table.walk(va, false);
            long pte = table.read(oldPa);
            table.set(oldPa, 0);
            table.set(newPa, pte);
            if (PageTable.holdsFrame(pte)) as.pager().rmap.remove(Pte.ppn(pte), as, va);
            if (PageTable.holdsFrame(pte)) as.pager().rmap.add(Pte.ppn(pte), as, to);
            if (Pte.valid(pte)) as.shootdown().page(va);
        }
        // Pages of the old range beyond the new length (a shrinking move) are dropped.
        if (oldLen > newLen) as.zap(oldStart + newLen, oldStart + oldLen);
        as.cut(oldStart, oldStart + oldLen);
        if (keepOld) as.put(v.slice(oldStart, oldStart + oldLen));
        long off = v.file() == null ? 0 : v.fileOffset(oldStart);
        as.put(new Vma(newStart, newStart + newLen, v.prot(), v.flags(), v.file(), off, v.fileLimit(), v.name()));
        as.merge(newStart);
        as.settle();
        return true;
    }
}
