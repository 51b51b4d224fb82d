package dev.vitrine.mm;

import dev.vitrine.mmu.PhysicalMemory;

import java.util.function.LongConsumer;

/**
 * Physical frames: a bump region for the boot-time contiguous tables (the flat32 root is
 * 1024 frames), then a free list. Frames are reference-counted so that copy-on-write and
 * shared read-only frames can be freed exactly when the last mapping goes.
 *
 * <p>Every frame ever handed out lies below the bump pointer, so the per-frame tables here and
 * in the pager cover only those and grow (doubling) as it rises: a 16 GiB machine that touches
 * a few MiB holds tables for a few MiB, not tens of bytes for each of its 4 Mi frames.
 */
public final class FrameAllocator {
    public static final long NONE = -1;

    private final PhysicalMemory memory;
    private final int pageBits;
    private final long total;
    /** Per frame below {@link #capacity()}: its references. */
    private int[] refs;
    /** Free frame numbers, last freed on top; ints, as every per-frame table here is indexed by int. */
    private int[] freeList;
    private int freeTop;
    private long bump;
    private long used;
    private long peak;
    /** Frames promised to pages the kernel holds outside frames (tmpfs data, pipe buffers): see {@link KernelMemory}. */
    private long reserved;
    private LongConsumer onReuse = f -> {};
    private LongConsumer onFree = f -> {};
    private java.util.function.IntConsumer onGrow = n -> {};
    /** Frees a frame by evicting a page when none is free; false when nothing can go. */
    private java.util.function.BooleanSupplier reclaim = () -> false;
    private Pager pager;

    public FrameAllocator(PhysicalMemory memory) {
        this.memory = memory;
        this.pageBits = memory.pageBits();
        this.total = memory.frames();
        this.refs = new int[(int) Math.min(total, FIRST_CAPACITY)];
        this.freeList = new int[refs.length];
    }

    private static final int FIRST_CAPACITY = 4096;

    /** Called with the new capacity whenever the per-frame tables grow, so the pager's grow with them. */
    public void onGrow(java.util.function.IntConsumer hook) { onGrow = hook; }

    /** How many frames the per-frame tables cover now: every frame handed out is below it. */
    public int capacity() { return refs.length; }

    /** Frames ever handed out: 0 to this, the only ones whose tables may hold anything. */
    public long touched() { return bump; }

    private void grow(long need) {
        int n = (int) Math.min(total, Math.max(need, 2L * refs.length));
        refs = java.util.Arrays.copyOf(refs, n);
        onGrow.accept(n);
    }

    /** Called with a frame number whenever a frame is handed out again, so decoded code of its old content is dropped. */
    public void onReuse(LongConsumer hook) { onReuse = hook; }

    /** Called with a frame number when its last reference goes (the pager forgets it). */
    public void onFree(LongConsumer hook) { onFree = hook; }
    /** Installed by the pager: evicts one page so that {@link #alloc} can go on. */
    public void onShortage(java.util.function.BooleanSupplier r) { reclaim = r; }

    /** The pager (page cache, swap, replacement) that manages these frames; made on first use. */
    public Pager pager() {
        if (pager == null) pager = new Pager(this);
        return pager;
    }

    private final MemTotals totals = new MemTotals();

    /** Page-table frames and mapped pages summed over every address space on these frames. */
    public MemTotals totals() { return totals; }

    public PhysicalMemory memory() { return memory; }
    public long total() { return total; }
    public long used() { return used; }
    public long peak() { return peak; }
    public long free() { return total - used - reserved; }
    public long reserved() { return reserved; }

    /**
     * A zeroed frame with one reference; when memory is full a page is evicted first (the
     * pager's reclaim). {@link #NONE} when nothing can be evicted: out of memory.
     */
    public long alloc() {
        while (true) {
            long f;
            if (used + reserved >= total) {
                if (reclaim.getAsBoolean()) continue;
                return NONE;
            }
            if (freeTop > 0) f = freeList[--freeTop];
            else f = bump++;
            take(f);
            return f;
        }
    }

    /** {@code n} physically contiguous zeroed frames from the bump region, or {@link #NONE}. */
    public long allocContiguous(int n) {
        if (bump + n > total || used + reserved + n > total) return NONE;
        long first = bump;
        bump += n;
        for (long f = first; f < first + n; f++) take(f);
        return first;
    }

    /**
     * Sets one frame's worth of memory aside for the kernel, evicting a page for it if need be
     * ({@code evict}); false when none can be had.
     */
    boolean reserve(boolean evict) {
        while (used + reserved >= total)
            if (!evict || !reclaim.getAsBoolean()) return false;
        reserved++;
        return true;
    }

    /** Takes a frame's worth without asking: a page the kernel must keep (a write-back during reclaim). */
    void overdraw() { reserved++; }

    void unreserve() {
        if (reserved <= 0) throw new IllegalStateException("no frame reserved");
        reserved--;
    }

    private void take(long f) {
        if (f >= refs.length) grow(f + 1);
        refs[(int) f] = 1;
        used++;
        peak = Math.max(peak, used);
        memory.fill(f << pageBits, 1L << pageBits, (byte) 0);
        onReuse.accept(f);
    }

    public void incRef(long f) { refs[(int) f]++; }
    public int refCount(long f) { return f < refs.length ? refs[(int) f] : 0; }

    /** Drops one reference; the frame is free again at zero. */
    public void decRef(long f) {
        if (refs[(int) f] <= 0) throw new IllegalStateException("frame " + f + " freed twice");
        if (--refs[(int) f] == 0) {
            if (freeTop == freeList.length) freeList = java.util.Arrays.copyOf(freeList, Math.max(16, 2 * freeTop));
            freeList[freeTop++] = (int) f;
            used--;
            onFree.accept(f);
        }
    }
}
