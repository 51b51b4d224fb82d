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

    private AddressSpace(Geometry g, FrameAllocator frames, PageTable table) {
        this.geometry = g;
        this.frames = frames;
        this.memory = frames.memory();
        this.table = table;
        this.pageSize = g.pageSize();
        this.layout = Layout.of(g);
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
    public Fault fault(long va, int access) {
        Vma v = find(va);
        if (v == null) v = growStack(va);
        if (v == null) return Fault.MAPERR;
        if (!permits(v.prot(), access)) return Fault.ACCERR;
        long page = pageDown(va);
        long ptePa = table.walk(page, true);
        if (ptePa == PageTable.NO_MEMORY) return Fault.OOM;
        long pte = table.read(ptePa);
        if ((pte & PageTable.PROT_NONE) != 0) return Fault.ACCERR;
        if (Pte.valid(pte)) {
            if (access == Access.STORE && (pte & Pte.W) == 0) return copyOnWrite(v, page, ptePa, pte);
            // Another path already mapped it (or the TLB held a stale entry): just retry.
            shootdown.page(page);
            return Fault.HANDLED;
        }
        if (!v.anonymous() && v.fileOffset(page) >= pageUp(v.file().size()) && v.fileOffset(page) >= v.fileLimit())
            return Fault.BUS;
        long f = frames.alloc();
        if (f == FrameAllocator.NONE) return Fault.OOM;
        if (!v.anonymous()) fill(f, v, page);
        table.set(ptePa, Pte.make(f, pteBits(v.prot())));
        stats.minorFaults++;
        return Fault.HANDLED;
    }

    private Fault copyOnWrite(Vma v, long page, long ptePa, long pte) {
        long old = Pte.ppn(pte);
        long bits = pteBits(v.prot());
        if (frames.refCount(old) == 1) {
            table.set(ptePa, Pte.make(old, bits | (pte & (Pte.A | Pte.D))));
        } else {
            long f = frames.alloc();
            if (f == FrameAllocator.NONE) return Fault.OOM;
            memory.copy(old << geometry.pageBits(), f << geometry.pageBits(), pageSize);
            frames.decRef(old);
            table.set(ptePa, Pte.make(f, bits));
            stats.cowCopies++;
        }
        shootdown.page(page);
        return Fault.HANDLED;
    }

    private void fill(long frame, Vma v, long page) {
        long off = v.fileOffset(page);
        long limit = Math.min(v.file().size(), v.fileLimit());
        int n = (int) Math.max(0, Math.min(pageSize, limit - off));
        if (n > 0) {
            byte[] buf = new byte[n];
            n = v.file().read(off, buf, 0, n);
            memory.write(frame << geometry.pageBits(), buf, 0, n);
        }
    }

    private static boolean permits(int prot, int access) {
        return switch (access) {
            case Access.FETCH -> (prot & Prot.EXEC) != 0;
            case Access.STORE -> (prot & Prot.WRITE) != 0;
            default -> (prot & (Prot.READ | Prot.WRITE)) != 0;
        };
    }

    /** PTE bits for a protection: W without R is reserved on RISC-V, so PROT_WRITE maps read+write. */
    public static long pteBits(int prot) {
        long bits = Pte.V | Pte.U;
        if ((prot & (Prot.READ | Prot.WRITE)) != 0) bits |= Pte.R;
        if ((prot & Prot.WRITE) != 0) bits |= Pte.W;
        if ((prot & Prot.EXEC) != 0) bits |= Pte.X;
        return prot == Prot.NONE ? 0 : bits;
    }

    /** A fault just below a MAP_GROWSDOWN area within the stack limit extends it (Linux's expand_stack). */
    private Vma growStack(long va) {
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
        zap(start, end);
    }

    /** Drops the pages of [start, end): frames lose a reference, PTEs clear, the TLB forgets them. */
    public void zap(long start, long end) {
        table.visit(start, end, (va, ptePa, pte) -> {
            if (va < start || va >= end) return;
            table.set(ptePa, 0);
            frames.decRef(Pte.ppn(pte));
            shootdown.page(va);
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
            long keep = pte & (Pte.A | Pte.D | Pte.G);
            long nb = bits;
            // A shared frame stays read-only until its copy-on-write fault.
            if (frames.refCount(Pte.ppn(pte)) > 1 && !find(va).shared()) nb &= ~Pte.W;
            // PROT_NONE keeps the frame but clears V, so every access faults and the data survives.
            table.set(ptePa, Pte.make(Pte.ppn(pte), nb == 0 ? PageTable.PROT_NONE : nb | keep));
            shootdown.page(va);
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
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> n[0]++);
        return n[0];
    }

    /** Frees everything: the pages, then the tables. */
    public void destroy() {
        for (Vma v : List.copyOf(vmas.values())) zap(v.start(), v.end());
        vmas.clear();
        table.destroy();
        shootdown.all();
    }
}
