package dev.vitrine.mm;

import dev.vitrine.mmu.Pte;

/**
 * One leaf of a process's page table as the kernel knows it: what /proc/PID/smaps and
 * pagemap count and what the views draw, read from one place so that they agree.
 * {@code frame} is -1 for a swapped page, {@code swapSlot} -1 for a resident one.
 * {@code mapCount} is Linux's page_mapcount: the PTEs of every space that name the frame.
 */
public record PageInfo(long va, long pte, Vma vma, long frame, long swapSlot, int mapCount, int swapCount,
                       boolean pageCache, boolean shmem, int refCount) {
    public boolean present() { return Pte.valid(pte); }
    public boolean swapped() { return swapSlot >= 0; }
    /** Linux's PageAnon: a resident frame that is no file's and no shmem object's page (zero-fill, a private copy). */
    public boolean anonymous() { return frame >= 0 && !pageCache; }
    /** A PROT_NONE page that keeps its frame (V clear). */
    public boolean protNone() { return frame >= 0 && !Pte.valid(pte); }
    /**
     * Copy-on-write as do_wp_page sees it: a private area the process may write whose PTE lacks
     * W, so the next store copies (or, sole owner of an anonymous frame, just takes W back).
     */
    public boolean cow() {
        return frame >= 0 && vma != null && !vma.shared() && (vma.prot() & Prot.WRITE) != 0 && (pte & Pte.W) == 0;
    }
    public boolean dirty() { return (pte & Pte.D) != 0; }
    public boolean accessed() { return (pte & Pte.A) != 0; }
}
