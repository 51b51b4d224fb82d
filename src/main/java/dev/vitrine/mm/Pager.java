package dev.vitrine.mm;

import dev.vitrine.mm.replace.AccessedBits;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mm.replace.ReplacementPolicy;
import dev.vitrine.mmu.PhysicalMemory;

import java.util.BitSet;

/**
 * The machine's physical pages as the kernel manages them: what each user frame holds (an
 * anonymous page or a page of some file's cache), who maps it ({@link Rmap}), the swap
 * device, and the replacement policy that {@link Reclaim} asks for a victim when no frame
 * is free. One per {@link FrameAllocator}; page-table frames are never evicted.
 */
public final class Pager {
    private final FrameAllocator frames;
    private final PhysicalMemory memory;
    private final int pageBits;
    final Rmap rmap;
    /** Per frame below the allocator's capacity, growing with it: whose cache page it is, and which. */
    private FilePages[] cacheOwner;
    private long[] cacheIndex;
    private final BitSet tracked = new BitSet();
    private Swap swap;
    private ReplacementPolicy policy;
    private final Reclaim reclaim;
    private final KernelMemory kernelMemory;
    private int lastLoaded = -1;
    /** Machine-wide figures. */
    long evictions, swapOuts, swapIns, writebacks, fileDrops;
    private long faults, majorFaults;
    private long cachedPages;

    Pager(FrameAllocator frames) {
        this.frames = frames;
        this.memory = frames.memory();
        this.pageBits = memory.pageBits();
        int n = frames.capacity();
        this.rmap = new Rmap(n);
        this.cacheOwner = new FilePages[n];
        this.cacheIndex = new long[n];
        frames.onGrow(this::grow);
        this.swap = new Swap(0, 1 << pageBits);
        this.policy = PolicyKind.CLOCK.create(0, null);
        this.reclaim = new Reclaim(this);
        this.kernelMemory = new KernelMemory(frames, this);
        frames.onFree(this::freed);
        frames.onShortage(() -> kernelMemory.spill() || kernelMemory.whileReclaiming(reclaim::evictOne));
    }

    /** The replacement policy and the swap size; call before the first page is touched. */
    public void configure(PolicyKind kind, long seed, long swapBytes) {
        if (tracked.cardinality() > 0) throw new IllegalStateException("configure the pager before pages are in use");
        policy = kind.create(seed, null);
        swap = new Swap(swapBytes, 1 << pageBits);
    }

    /** The machine's event stream (faults, COW copies, evictions and swap report through it). */
    private dev.vitrine.trace.Tracer tracer = dev.vitrine.trace.Tracer.OFF;
    public void setTracer(dev.vitrine.trace.Tracer t) { tracer = t; }
    public dev.vitrine.trace.Tracer tracer() { return tracer; }

    public FrameAllocator frames() { return frames; }
    public PhysicalMemory memory() { return memory; }
    public long pageSize() { return 1L << pageBits; }
    public long pa(long frame) { return frame << pageBits; }
    public Swap swap() { return swap; }
    /** Called when a kernel copy to or from user memory finds no frame: the OOM killer; true if memory was freed. */
    private java.util.function.BiPredicate<AddressSpace, Long> outOfMemory = (as, va) -> false;
    public void setOomKiller(java.util.function.BiPredicate<AddressSpace, Long> killer) { outOfMemory = killer; }
    boolean outOfMemory(AddressSpace as, long va) { return outOfMemory.test(as, va); }

    /** What tmpfs and pipes hold, charged against the same RAM and swap. */
    public KernelMemory kernelMemory() { return kernelMemory; }
    public ReplacementPolicy policy() { return policy; }
    public long evictions() { return evictions; }
    /** Page faults resolved in any address space (/proc/vmstat's pgfault, pgmajfault). */
    public long faults() { return faults; }
    public long majorFaults() { return majorFaults; }
    void faulted(boolean major) { faults++; if (major) majorFaults++; }
    public long swapOuts() { return swapOuts; }
    public long swapIns() { return swapIns; }
    public long writebacks() { return writebacks; }
    public long fileDrops() { return fileDrops; }
    /** Frames now holding some file's page (the page cache, /proc/meminfo's Cached). */
    public long cachedPages() { return cachedPages; }
    /** The most frames any exiting process shared with another (libc's text when two dynamic programs overlap). */
    /** The most frames mapped by more than one address space at once (kept exactly by the rmap). */
    public long sharedPeak() { return rmap.sharedFramesPeak(); }

    void pin(long frame) { reclaim.pin(frame); }
    /** munlock and friends: pages set aside as unevictable are candidates again. */
    void unlocked() { reclaim.unparkAll(); }
    void unpin(long frame) { reclaim.unpin(frame); }

    private void grow(int n) {
        cacheOwner = java.util.Arrays.copyOf(cacheOwner, n);
        cacheIndex = java.util.Arrays.copyOf(cacheIndex, n);
        rmap.grow(n);
    }

    FilePages cacheOwner(long frame) { return frame < cacheOwner.length ? cacheOwner[(int) frame] : null; }

    /** Frames by what they hold, as /proc/meminfo and vmstat count them (page tables are each space's). */
    public record Census(long anonymous, long mapped, long fileCache, long shmem) {}

    /** Linux's NR_ANON_MAPPED, NR_FILE_MAPPED, NR_FILE_PAGES and NR_SHMEM, counted over the frames now. */
    public Census census() {
        long anon = 0, mapped = 0, cache = 0, shmem = 0;
        for (long f = 0; f < frames.touched(); f++) {
            if (frames.refCount(f) == 0) continue;
            boolean used = rmap.count(f) > 0;
            if (cacheOwner[(int) f] == null) { if (used) anon++; continue; }
            cache++;
            if (cacheOwner[(int) f].file() instanceof ShmemFile) shmem++;
            if (used) mapped++;
        }
        return new Census(anon, mapped, cache, shmem);
    }

    /** Whether the frame is some file's (or shmem object's) page-cache page. */
    public boolean inPageCache(long frame) { return cacheOwner(frame) != null; }
    /** The file whose cache holds the frame, or null. */
    public MappedFile cachedFile(long frame) {
        FilePages owner = cacheOwner(frame);
        return owner == null ? null : owner.file();
    }
    /** Linux's page_mapcount: how many PTEs, in every address space, name the frame. */
    public int mapCount(long frame) { return rmap.count(frame); }
    /** One PTE that names a frame: the space and the page. */
    public record Mapper(AddressSpace space, long va) {}

    /** Every PTE that names the frame, in the order they were made (the reverse map). */
    public java.util.List<Mapper> mappers(long frame) {
        java.util.List<Mapper> out = new java.util.ArrayList<>();
        for (Rmap.Mapping m : rmap.of(frame)) out.add(new Mapper(m.space(), m.va()));
        return out;
    }
    long cacheIndex(long frame) { return cacheIndex[(int) frame]; }

    /** A frame joined a file's page cache: evictable from now on. */
    void cached(long frame, FilePages owner, long index) {
        cachedPages++;
        cacheOwner[(int) frame] = owner;
        cacheIndex[(int) frame] = index;
        track(frame);
    }

    /** A new anonymous page: evictable when there is a swap device to put it on. */
    void anonymous(long frame) {
        if (swap.slots() > 0) track(frame);
    }

    /** The page in {@code frame} was used (LRU hears of uses it can see). */
    void referenced(long frame) {
        if (tracked.get((int) frame)) policy.referenced((int) frame);
    }

    void track(long frame) {
        lastLoaded = (int) frame;
        if (tracked.get((int) frame)) return;
        tracked.set((int) frame);
        policy.loaded((int) frame);
    }

    void untrack(long frame) {
        if (!tracked.get((int) frame)) return;
        tracked.clear((int) frame);
        policy.removed((int) frame);
    }

    boolean isTracked(long frame) { return tracked.get((int) frame); }

    private void freed(long frame) {
        untrack(frame);
        reclaim.forget(frame);
        if (cacheOwner[(int) frame] != null) cachedPages--;
        cacheOwner[(int) frame] = null;
    }

    /** The clock hand's view: whether any PTE mapping the frame has A set; clears them all. */
    final AccessedBits accessed = this::testAndClearAccessed;

    private boolean testAndClearAccessed(int frame) {
        boolean any = false;
        for (Rmap.Mapping m : rmap.of(frame)) any |= m.space().testAndClearAccessed(m.va());
        return any;
    }

    /**
     * LRU in a kernel knows of uses only through the A bits: at each page fault every resident
     * page whose A bit is set counts as used since the last fault (in frame order within one
     * interval), and the bits are cleared for the next. Exact on fault boundaries; costs a
     * scan of the resident set per fault, which is why real kernels approximate (clock).
     */
    void sampleForLru() {
        if (policy.kind() != PolicyKind.LRU) return;
        // The page loaded at the last fault was used first in this interval: its load already
        // made it the youngest, so only the others move past it.
        for (int f = tracked.nextSetBit(0); f >= 0; f = tracked.nextSetBit(f + 1))
            if (accessed.testAndClear(f) && f != lastLoaded) policy.referenced(f);
    }

    /** Writes the page back if some mapping dirtied it; D is cleared in every PTE. */
    boolean cleanIfDirty(long frame) {
        FilePages owner = cacheOwner[(int) frame];
        if (owner == null) return false;
        AddressSpace dirtier = null;
        for (Rmap.Mapping m : rmap.of(frame)) if (m.space().testAndClearDirty(m.va())) dirtier = m.space();
        if (dirtier == null) return false;
        writeBack(frame, dirtier);
        return true;
    }

    void writeBack(long frame, AddressSpace dirtier) {
        cacheOwner[(int) frame].writeBack(cacheIndex[(int) frame], frame);
        writebacks++;
        if (dirtier != null) dirtier.stats().dirtyWritebacks++;
    }

    /** Takes a cached page out of every mapping and out of the cache (truncate). */
    void dropCached(long frame) {
        FilePages owner = cacheOwner[(int) frame];
        for (Rmap.Mapping m : rmap.of(frame)) m.space().unmapPage(m.va(), false);
        owner.forget(cacheIndex[(int) frame]);
        frames.decRef(frame);
    }

    /** Resident pages per address space is the rmap's business; so is this: frames mapped by another space too. */
    boolean sharedBeyond(long frame, AddressSpace as) {
        return rmap.sharedBeyond(frame, as);
    }
}
