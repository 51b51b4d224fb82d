package dev.vitrine.mm;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;

/**
 * The kernel's side of a page table (xv6's walk and mappages): software walks that create
 * tables on demand. These reads are the kernel's, not the hardware's, and count nowhere.
 */
public final class PageTable {
    /** Returned by {@link #walk} when a table is missing, or cannot be allocated. */
    public static final long MISSING = -1, NO_MEMORY = -2;
    /** Software bit on a leaf with V=0: a PROT_NONE page that still owns its frame. */
    public static final long PROT_NONE = Pte.SW2;
    /** Software bit on a leaf with V=0: the page is on swap, its slot where the PPN would be. */
    public static final long SWAPPED = Pte.COW;

    public static boolean isSwap(long pte) { return (pte & (Pte.V | SWAPPED)) == SWAPPED; }
    /** Whether the leaf owns a frame: valid, or PROT_NONE with its frame kept. */
    public static boolean holdsFrame(long pte) {
        return Pte.valid(pte) || (pte & (PROT_NONE | SWAPPED)) == PROT_NONE;
    }
    public static long swapEntry(long slot, long keep) { return Pte.make(slot, SWAPPED | (keep & PROT_NONE)); }

    private final Geometry geometry;
    private final PhysicalMemory memory;
    private final FrameAllocator frames;
    private final long rootPa;
    private final int rootFrames;
    private int tableFrames, peakTableFrames;

    /** Null when the root cannot be allocated. */
    public static PageTable create(Geometry g, FrameAllocator frames) {
        int n = (int) Math.max(1, g.tableBytes(0) >>> g.pageBits());
        long root = n == 1 ? frames.alloc() : frames.allocContiguous(n);
        return root == FrameAllocator.NONE ? null : new PageTable(g, frames, root, n);
    }

    private PageTable(Geometry g, FrameAllocator frames, long rootFrame, int rootFrames) {
        this.geometry = g;
        this.memory = frames.memory();
        this.frames = frames;
        this.rootPa = rootFrame << g.pageBits();
        this.rootFrames = rootFrames;
        this.tableFrames = rootFrames;
        this.peakTableFrames = rootFrames;
        frames.totals().tables(rootFrames);
        int levels = g.levels();
        this.shift = new int[levels];
        this.indexMask = new long[levels];
        for (int l = 0; l < levels; l++) {
            shift[l] = g.shift(l);
            indexMask[l] = (1L << g.levelBits(l)) - 1;
        }
        this.leafTableShift = levels > 1 ? shift[levels - 2] : 63;
    }

    public Geometry geometry() { return geometry; }
    public long rootPa() { return rootPa; }
    /** Frames holding page tables, the root included. */
    public int tableFrames() { return tableFrames; }
    /** The most frames this table has held at once (tables are freed only with the whole table, so: now, or at destroy). */
    public int peakTableFrames() { return peakTableFrames; }

    /**
     * The leaf table the last walk ended in, and the virtual addresses it covers: faults, fork
     * and unmapping walk page after page within one leaf table. Tables are freed only with
     * the whole page table, so the path to a leaf table, once there, stays.
     */
    private long cachedTable, cachedBase = Long.MIN_VALUE;
    /** Each level's index position and mask, and the leaf tables' span: the walks' arithmetic, worked out once. */
    private final int[] shift;
    private final long[] indexMask;
    private final int leafTableShift;

    /** Physical address of the leaf PTE for {@code va}; creates missing tables when {@code alloc}. */
    public long walk(long va, boolean alloc) {
        int pteBytes = geometry.pteBytes();
        int last = shift.length - 1;
        // va >> a shift of at least one page is never Long.MIN_VALUE, the empty cache.
        long base = va >> leafTableShift;
        if (base == cachedBase) return cachedTable + index(va, last) * pteBytes;
        long table = rootPa;
        for (int level = 0; level < last; level++) {
            long ptePa = table + index(va, level) * pteBytes;
            long pte = memory.readPte(ptePa, pteBytes);
            if (!Pte.valid(pte)) {
                if (!alloc) return MISSING;
                // Lower tables are one page each in every geometry we build.
                long f = frames.alloc();
                if (f == FrameAllocator.NONE) return NO_MEMORY;
                tableFrames++;
                peakTableFrames = Math.max(peakTableFrames, tableFrames);
                frames.totals().tables(1);
                pte = Pte.make(f, Pte.V);
                memory.writePte(ptePa, pteBytes, pte);
            }
            table = Pte.ppn(pte) << geometry.pageBits();
        }
        if (last > 0) {
            cachedBase = base;
            cachedTable = table;
        }
        return table + index(va, last) * pteBytes;
    }

    private long index(long va, int level) { return (va >>> shift[level]) & indexMask[level]; }

    /** The leaf PTE for {@code va}, or 0. */
    public long get(long va) {
        long pa = walk(va, false);
        return pa < 0 ? 0 : memory.readPte(pa, geometry.pteBytes());
    }

    public void set(long ptePa, long pte) { memory.writePte(ptePa, geometry.pteBytes(), pte); }
    public long read(long ptePa) { return memory.readPte(ptePa, geometry.pteBytes()); }

    /** Called for each valid leaf in a range: its virtual address and the PTE's physical address. */
    public interface LeafVisitor { void leaf(long va, long ptePa, long pte); }

    /** Visits the valid, PROT_NONE and swapped leaves in [start, end), skipping absent tables wholesale. */
    public void visit(long start, long end, LeafVisitor v) { visitLevel(rootPa, 0, 0, start, end, v); }

    private void visitLevel(long table, int level, long base, long start, long end, LeafVisitor v) {
        int pteBytes = geometry.pteBytes();
        int shift = this.shift[level];
        long n = indexMask[level] + 1;
        long span = 1L << shift;
        long first = Math.max(0, (start - base) >> shift);
        boolean last = level == this.shift.length - 1;
        for (long i = first; i < n; i++) {
            long va = base + i * span;
            if (va >= end) break;
            long ptePa = table + i * pteBytes;
            long pte = memory.readPte(ptePa, pteBytes);
            if (!Pte.valid(pte) && !(last && (pte & (PROT_NONE | SWAPPED)) != 0)) continue;
            if (last || Pte.leaf(pte)) {
                if (va + span > start) v.leaf(va, ptePa, pte);
            } else {
                visitLevel(Pte.ppn(pte) << geometry.pageBits(), level + 1, va, start, end, v);
            }
        }
    }

    /** Calls {@code out} with each frame that holds a table of this page table, the root's first. */
    public void tableFrames(java.util.function.LongConsumer out) {
        long rootFrame = rootPa >>> geometry.pageBits();
        for (int i = 0; i < rootFrames; i++) out.accept(rootFrame + i);
        tablesBelow(rootPa, 0, out);
    }

    private void tablesBelow(long table, int level, java.util.function.LongConsumer out) {
        if (level == geometry.levels() - 1) return;
        int pteBytes = geometry.pteBytes();
        long n = 1L << geometry.levelBits(level);
        for (long i = 0; i < n; i++) {
            long pte = memory.readPte(table + i * pteBytes, pteBytes);
            if (Pte.valid(pte) && !Pte.leaf(pte)) {
                out.accept(Pte.ppn(pte));
                tablesBelow(Pte.ppn(pte) << geometry.pageBits(), level + 1, out);
            }
        }
    }

    /** Frees every table frame (not the leaves' frames: the address space drops those first). */
    public void destroy() {
        freeLevel(rootPa, 0);
        long rootFrame = rootPa >>> geometry.pageBits();
        for (int i = 0; i < rootFrames; i++) frames.decRef(rootFrame + i);
        frames.totals().tables(-tableFrames);
        tableFrames = 0;
    }

    private void freeLevel(long table, int level) {
        if (level == geometry.levels() - 1) return;
        int pteBytes = geometry.pteBytes();
        long n = 1L << geometry.levelBits(level);
        for (long i = 0; i < n; i++) {
            long pte = memory.readPte(table + i * pteBytes, pteBytes);
            if (Pte.valid(pte) && !Pte.leaf(pte)) {
                long child = Pte.ppn(pte) << geometry.pageBits();
                freeLevel(child, level + 1);
                frames.decRef(Pte.ppn(pte));
            }
        }
    }
}
