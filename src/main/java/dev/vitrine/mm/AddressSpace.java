package dev.vitrine.mm;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process's memory: a set of VMAs over a page table. Nothing is mapped until touched;
 * the fault handler fills pages in (Linux's handle_mm_fault for our VMAs).
 */
public final class AddressSpace {
    /** Linux's stack_guard_gap: 256 pages kept free below a growing stack. */
    private static final long STACK_GUARD_PAGES = 256;

    private final Geometry geometry;
    private final FrameAllocator frames;
    private final PhysicalMemory memory;
    private final PageTable table;
    private final TreeMap<Long, Vma> vmas = new TreeMap<>();
    private final MemStats stats = new MemStats();
    private final long pageSize;
    private final Layout layout;
    private final Pager pager;
    private Shootdown shootdown = Shootdown.NONE;
    private long brkStart, brk;
    private long stackLimit = 8L << 20;

    /** How the kernel tells the MMU that a translation it may have cached changed (sfence.vma). */
    public interface Shootdown {
        Shootdown NONE = new Shootdown() {
            public void page(long va) {}
            public void all() {}
        };
        void page(long va);
        void all();
    }

    /** Where the stack and the mmap area go for a geometry. */
    public record Layout(long stackTop, long mmapBase) {
        public static Layout of(Geometry g) {
            // 32-bit geometries get the classic 3 GiB user split; RISC-V modes their lower half.
            long top = g.vaBits() == 32 ? 0xC000_0000L : g.userTop();
            // Linux's mmap_base: below the stack's rlimit and a gap, at least 128 MiB.
            long gap = Math.min(128L << 20, top / 4);
            return new Layout(top, top - gap);
        }
    }

    /**
     * The program this space was exec'd from (Linux's mm->exe_file): while a live space names it,
     * the file refuses writers with ETXTBSY (deny_write_access), since its pages are this space's text.
     */
    private MappedFile exeFile;

    public MappedFile exeFile() { return exeFile; }
    public void setExeFile(MappedFile f) { exeFile = f; }

    private AddressSpace(Geometry g, FrameAllocator frames, PageTable table) {
        this.geometry = g;
        this.frames = frames;
        this.memory = frames.memory();
        this.table = table;
        this.pageSize = g.pageSize();
        this.layout = Layout.of(g);
        this.pager = frames.pager();
    }

    /** A new empty address space, or null when there is no frame for its root table. */
    public static AddressSpace create(Geometry g, FrameAllocator frames) {
        PageTable t = PageTable.create(g, frames);
        return t == null ? null : new AddressSpace(g, frames, t);
    }

    public void setShootdown(Shootdown s) { shootdown = s; }
    public Geometry geometry() { return geometry; }
    public PageTable pageTable() { return table; }
    public MemStats stats() { return stats; }
    public Layout layout() { return layout; }
    public long pageSize() { return pageSize; }
    public FrameAllocator frames() { return frames; }
    public List<Vma> vmas() { return List.copyOf(vmas.values()); }
    public long brk() { return brk; }
    public long brkStart() { return brkStart; }
    public void setStackLimit(long bytes) { stackLimit = bytes; }

    public long pageDown(long a) { return a & -pageSize; }
    public long pageUp(long a) { return (a + pageSize - 1) & -pageSize; }

    public Vma find(long va) {
        Map.Entry<Long, Vma> e = vmas.floorEntry(va);
        return e != null && e.getValue().contains(va) ? e.getValue() : null;
    }

    /** True when some VMA overlaps [start, end). */
    public boolean overlaps(long start, long end) {
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        return e != null && e.getValue().end() > start;
    }

    // ---- building the image (exec)

    /** Adds a VMA over a range that must be free. */
    public void insert(Vma v) {
        if (overlaps(v.start(), v.end())) throw new IllegalStateException("overlapping VMA " + v);
        vmas.put(v.start(), v);
    }

    public void setBrk(long start) { brkStart = brk = start; }

    // ---- page faults

    /** Handles a fault at {@code va} for {@code access} ({@link Access}); the MMU retries after HANDLED. */
    public Fault fault(long va, int access) { return PageFault.handle(this, va, access); }

    /** PTE bits for a protection: W without R is reserved on RISC-V, so PROT_WRITE maps read+write. */
    public static long pteBits(int prot) {
        long bits = Pte.V | Pte.U;
        if ((prot & (Prot.READ | Prot.WRITE)) != 0) bits |= Pte.R;
        if ((prot & Prot.WRITE) != 0) bits |= Pte.W;
        if ((prot & Prot.EXEC) != 0) bits |= Pte.X;
        return prot == Prot.NONE ? 0 : bits;
    }

    // ---- PTEs and the reverse map: every leaf that points at a frame is set and cleared here

    Pager pager() { return pager; }
    Shootdown shootdown() { return shootdown; }

    void install(long ptePa, long va, long frame, long bits) {
        table.set(ptePa, Pte.make(frame, bits));
        pager.rmap.add(frame, this, va);
    }

    /** Forgets the mapping of {@code frame} at {@code va} and its reference (the PTE is about to be rewritten). */
    void uninstall(long va, long frame) {
        pager.rmap.remove(frame, this, va);
        frames.decRef(frame);
    }

    /** Clears one leaf: a frame loses this mapping (dirty shared file pages are written back), a swap slot one name. */
    private void clearLeaf(long va, long ptePa, long pte) {
        table.set(ptePa, 0);
        if (PageTable.isSwap(pte)) {
            pager.swap().put((int) Pte.ppn(pte));
            return;
        }
        long f = Pte.ppn(pte);
        if ((pte & Pte.D) != 0 && pager.cacheOwner(f) != null) pager.writeBack(f, this);
        uninstall(va, f);
        if (Pte.valid(pte)) shootdown.page(va);
    }

    /** Reclaim: the page at {@code va} now lives in swap slot {@code slot}. */
    void swapOut(long va, long frame, int slot) {
        long ptePa = table.walk(va, false);
        long pte = table.read(ptePa);
        table.set(ptePa, PageTable.swapEntry(slot, pte));
        uninstall(va, frame);
        if (Pte.valid(pte)) shootdown.page(va);
        stats.swapOuts++;
    }

    /** Reclaim or truncate: the page-cache page at {@code va} leaves this table; returns whether it was dirty. */
    boolean unmapPage(long va, boolean keepDirt) {
        long ptePa = table.walk(va, false);
        long pte = table.read(ptePa);
        table.set(ptePa, 0);
        uninstall(va, Pte.ppn(pte));
        if (Pte.valid(pte)) shootdown.page(va);
        return keepDirt && (pte & Pte.D) != 0;
    }

    /** Clock's look at the A bit of the page at {@code va}; clearing it needs a shootdown, the TLB caches it. */
    boolean testAndClearAccessed(long va) { return testAndClear(va, Pte.A); }

    boolean testAndClearDirty(long va) { return testAndClear(va, Pte.D); }

    private boolean testAndClear(long va, long bit) {
        long ptePa = table.walk(va, false);
        if (ptePa < 0) return false;
        long pte = table.read(ptePa);
        if ((pte & bit) == 0) return false;
        table.set(ptePa, pte & ~bit);
        if (Pte.valid(pte)) shootdown.page(va);
        return true;
    }

    /** A fault just below a MAP_GROWSDOWN area within the stack limit extends it (Linux's expand_stack). */
    Vma growStack(long va) {
        Map.Entry<Long, Vma> above = vmas.higherEntry(va);
        if (above == null || !above.getValue().growsDown()) return null;
        Vma s = above.getValue();
        long newStart = pageDown(va);
        if (s.end() - newStart > stackLimit) return null;
        Map.Entry<Long, Vma> below = vmas.lowerEntry(newStart);
        if (below != null && below.getValue().end() + STACK_GUARD_PAGES * pageSize > newStart) return null;
        Vma grown = new Vma(newStart, s.end(), s.prot(), s.flags(), s.file(), s.offset(), s.fileLimit(), s.name());
        vmas.remove(s.start());
        vmas.put(newStart, grown);
        return grown;
    }

    // ---- mmap, munmap, mprotect, brk

    /** A free range of {@code len} bytes, searched top-down from the mmap base; -1 if none. */
    public long findFree(long len) {
        long top = layout.mmapBase();
        for (Vma v : vmas.descendingMap().values()) {
            if (v.start() >= top) continue;
            if (v.end() + len <= top) break;
            top = Math.min(top, v.start());
        }
        long start = top - len;
        long low = brkStart + pageSize;
        return start >= low && !overlaps(start, top) ? start : -1;
    }

    /** Maps {@code v}, replacing whatever was there (MAP_FIXED semantics). */
    public void map(Vma v) {
        unmap(v.start(), v.end());
        vmas.put(v.start(), v);
    }

    /** Removes [start, end) from every VMA, splitting those that straddle it, and frees the pages. */
    public void unmap(long start, long end) {
        cut(start, end);
        zap(start, end);
    }

    /** Takes [start, end) out of the VMA tree, splitting areas that straddle it; the pages stay. */
    void cut(long start, long end) {
        List<Vma> hit = new ArrayList<>();
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        while (e != null && e.getValue().end() > start) {
            hit.add(e.getValue());
            e = vmas.lowerEntry(e.getKey());
        }
        for (Vma v : hit) {
            vmas.remove(v.start());
            if (v.start() < start) vmas.put(v.start(), v.slice(v.start(), start));
            if (v.end() > end) vmas.put(end, v.slice(end, v.end()));
        }
    }

    /** Puts an area into a range that {@link #cut} just cleared. */
    void put(Vma v) { vmas.put(v.start(), v); }

    /** Drops the pages of [start, end): frames lose a reference, PTEs clear, the TLB forgets them. */
    public void zap(long start, long end) {
        table.visit(start, end, (va, ptePa, pte) -> {
            if (va >= start && va < end) clearLeaf(va, ptePa, pte);
        });
    }

    /** Changes the protection of [start, end), which must be fully mapped; false if a hole (ENOMEM). */
    public boolean protect(long start, long end, int prot) {
        for (long a = start; a < end; ) {
            Vma v = find(a);
            if (v == null) return false;
            a = v.end();
        }
        List<Vma> hit = new ArrayList<>();
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        while (e != null && e.getValue().end() > start) {
            hit.add(e.getValue());
            e = vmas.lowerEntry(e.getKey());
        }
        for (Vma v : hit) {
            vmas.remove(v.start());
            if (v.start() < start) vmas.put(v.start(), v.slice(v.start(), start));
            Vma mid = v.slice(start, end).withProt(prot);
            vmas.put(mid.start(), mid);
            if (v.end() > end) vmas.put(end, v.slice(end, v.end()));
        }
        long bits = pteBits(prot);
        table.visit(start, end, (va, ptePa, pte) -> {
            if (va < start || va >= end) return;
            if (PageTable.isSwap(pte)) {
                table.set(ptePa, PageTable.swapEntry(Pte.ppn(pte), prot == Prot.NONE ? PageTable.PROT_NONE : 0));
                return;
            }
            long keep = pte & (Pte.A | Pte.D | Pte.G);
            long nb = bits;
            // A shared frame stays read-only until its copy-on-write fault.
            if (frames.refCount(Pte.ppn(pte)) > 1 && !find(va).shared()) nb &= ~Pte.W;
            // PROT_NONE keeps the frame (and A/D: a dirty shared page stays dirty) but clears V.
            table.set(ptePa, Pte.make(Pte.ppn(pte), nb == 0 ? PageTable.PROT_NONE | (keep & (Pte.A | Pte.D)) : nb | keep));
            if (Pte.valid(pte)) shootdown.page(va);
        });
        return true;
    }

    /**
     * Linux's brk: moves the break if the new one does not run into another mapping;
     * returns the break in force afterwards.
     */
    public long setProgramBreak(long newBrk) {
        if (newBrk < brkStart) return brk;
        long oldEnd = pageUp(brk), newEnd = pageUp(newBrk);
        if (newEnd > oldEnd) {
            if (overlaps(oldEnd, newEnd + pageSize)) return brk;
            Vma heap = find(brkStart) != null && brkStart < oldEnd ? find(brkStart) : null;
            if (heap != null) vmas.remove(heap.start());
            vmas.put(brkStart, Vma.anonymous(brkStart, newEnd, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, "[heap]"));
        } else if (newEnd < oldEnd) {
            unmap(newEnd, oldEnd);
            if (newEnd > brkStart)
                vmas.put(brkStart, Vma.anonymous(brkStart, newEnd, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, "[heap]"));
        }
        brk = newBrk;
        return brk;
    }

    /** Frames mapped in this address space (its resident set). */
    public long residentPages() {
        long[] n = {0};
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> { if (PageTable.holdsFrame(pte)) n[0]++; });
        return n[0];
    }

    /** Resident frames that another address space maps too (libc's text, MAP_SHARED areas after fork). */
    public long sharedPages() {
        long[] n = {0};
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> {
            if (PageTable.holdsFrame(pte) && pager.sharedBeyond(Pte.ppn(pte), this)) n[0]++;
        });
        return n[0];
    }

    /** mincore's answer for one page: this table maps a frame there, or the file's page cache holds it. */
    public boolean resident(long va) {
        if (PageTable.holdsFrame(table.get(va))) return true;
        Vma v = find(va);
        return v != null && v.file() != null && v.file().pages().frame(v.fileOffset(pageDown(va)) / pageSize) != null;
    }

    /** msync(MS_SYNC): the dirty pages of shared file mappings in [start, end) go to their files. */
    public int sync(long start, long end) {
        int n = 0;
        for (Vma v : vmas()) {
            if (v.end() <= start || v.start() >= end || !v.shared() || v.file() == null) continue;
            long from = v.fileOffset(Math.max(start, v.start())) / pageSize;
            long to = (v.fileOffset(Math.min(end, v.end())) + pageSize - 1) / pageSize;
            n += v.file().pages().sync(from, to);
        }
        return n;
    }

    /** Pages of this address space now on swap. */
    public long swappedPages() {
        long[] n = {0};
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> { if (PageTable.isSwap(pte)) n[0]++; });
        return n[0];
    }

    /**
     * fork's copy (Linux's dup_mmap): the same VMAs over a new page table whose leaves point
     * at the same frames, one more reference each (and one more name for each swap slot).
     * Private pages lose W in both tables, so the first store on either side copies; MAP_SHARED
     * pages keep W and stay one frame. Null when there is no frame for a page table (ENOMEM).
     */
    public AddressSpace fork() {
        AddressSpace child = create(geometry, frames);
        if (child == null) return null;
        child.exeFile = exeFile;
        child.vmas.putAll(vmas);
        child.brkStart = brkStart;
        child.brk = brk;
        child.stackLimit = stackLimit;
        // Shared anonymous areas are ShmemFile mappings, so untouched pages need nothing here.
        List<Long> leaves = new ArrayList<>();
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> leaves.add(va));
        boolean failed = false;
        for (long va : leaves) {
            // A table for the child may have to evict a page first: read the parent's PTE after.
            long childPte = child.table.walk(va, true);
            if (childPte == PageTable.NO_MEMORY) { failed = true; break; }
            long ptePa = table.walk(va, false);
            long pte = table.read(ptePa);
            if (PageTable.isSwap(pte)) {
                pager.swap().dup((int) Pte.ppn(pte));
                child.table.set(childPte, pte);
                continue;
            }
            if (!PageTable.holdsFrame(pte)) continue;
            long bits = pte;
            Vma v = find(va);
            if (v != null && !v.shared() && (pte & Pte.W) != 0) {
                bits = pte & ~Pte.W;
                table.set(ptePa, bits);
            }
            frames.incRef(Pte.ppn(pte));
            child.table.set(childPte, bits);
            pager.rmap.add(Pte.ppn(pte), child, va);
        }
        shootdown.all();
        if (failed) {
            child.destroy();
            return null;
        }
        return child;
    }

    /** Frees everything: the pages, then the tables. */
    public void destroy() {
        stats.residentAtExit = residentPages();
        stats.sharedAtExit = sharedPages();
        pager.noteShared(stats.sharedAtExit);
        for (Vma v : List.copyOf(vmas.values())) zap(v.start(), v.end());
        vmas.clear();
        table.destroy();
        shootdown.all();
    }
}
