package dev.vitrine.mm;

import dev.vitrine.mmu.PhysicalMemory;

/**
 * The machine's one memory budget for pages the kernel holds for the guest beside user
 * pages. In Linux these are pages of RAM like any other (shmem pages are swappable), and so
 * here: a tmpfs page ({@link KernelPages}) is a frame, taken as a user page would be
 * (evicting one for it if need be), or when RAM is all taken a swap slot; when neither is
 * left the caller answers as Linux does (ENOSPC, ENOMEM). When a frame is short, a kernel page
 * moves from RAM to swap first ({@link #spill}), and only then is a user page evicted: a kernel
 * page is mapped by no one, so it stands for Linux's inactive list (the program's own image in
 * tmpfs would otherwise squeeze a small machine's working set into a fault loop). A pipe
 * buffer stays a Java array but is charged the same way: a frame's worth of RAM is set aside
 * for it ({@link #charge}). So frames, swap slots and kernel pages never exceed --mem plus
 * --swap, and the heap holds guest data beyond memory and swap only for pipe pages.
 */
public final class KernelMemory implements KernelPages {
    private final FrameAllocator frames;
    private final Pager pager;
    private long inRam, inSwap, peak;
    private boolean reclaiming;
    /** Where each kernel page is: a frame number (>= 0), a swap slot (-(slot + 1)), or in {@link #overdrawn}. */
    private long[] where = new long[64];
    private final java.util.ArrayDeque<Integer> freeIds = new java.util.ArrayDeque<>();
    private int nextId;
    /** Pages now in frames, the candidates to go to swap. */
    private final java.util.BitSet inFrames = new java.util.BitSet();
    private int spillFrom;
    /** Pages a copy is going on in: they do not move to swap meanwhile. */
    private final java.util.BitSet held = new java.util.BitSet();
    /** Write-backs that found neither frame nor slot during reclaim: held here, as few as frames were dirtied. */
    private final java.util.Map<Integer, byte[]> overdrawn = new java.util.HashMap<>();
    private long pagesHeld;
    private static final long HEAP = Long.MIN_VALUE;

    KernelMemory(FrameAllocator frames, Pager pager) {
        this.frames = frames;
        this.pager = pager;
    }

    /** Pages held now (charged pipe pages and tmpfs pages), and the most ever held. */
    public long pages() { return inRam + inSwap + pagesHeld; }
    public long peak() { return peak; }

    /** Takes one page's worth for the kernel; false when RAM and swap are both full. */
    public boolean charge() {
        // A write-back made while evicting must not evict again: it takes the frame being freed.
        if (reclaiming) { overdraw(); return true; }
        if (!frames.reserve(true)) {
            if (!pager.swap().reserve()) return false;
            inSwap++;
            peak = Math.max(peak, pages());
            return true;
        }
        inRam++;
        peak = Math.max(peak, pages());
        return true;
    }

    /** A page that must be had whatever is left (a write-back Linux would have allocated at the fault). */
    public void overdraw() {
        frames.overdraw();
        inRam++;
        peak = Math.max(peak, pages());
    }

    /** Gives back {@code n} pages charged before. */
    public void uncharge(long n) {
        for (; n > 0; n--) {
            if (inSwap > 0) { inSwap--; pager.swap().unreserve(); }
            else if (inRam > 0) { inRam--; frames.unreserve(); }
            else throw new IllegalStateException("kernel memory uncharged twice");
        }
    }

    /** Nothing else could be evicted: one kernel page goes to swap, which frees a frame. */
    boolean spill() {
        if (inRam > 0 && pager.swap().reserve()) {
            inRam--;
            inSwap++;
            frames.unreserve();
            return true;
        }
        int id = movable(spillFrom);
        if (id < 0) id = movable(0);
        if (id < 0) return false;
        int slot = pager.swap().take(1);
        if (slot < 0) return false;
        long frame = where[id];
        pager.memory().read(pager.pa(frame), pager.swap().page(slot), 0, PAGE);
        where[id] = -(slot + 1L);
        inFrames.clear(id);
        spillFrom = id + 1;
        frames.decRef(frame);
        return true;
    }

    private int movable(int from) {
        for (int id = inFrames.nextSetBit(from); id >= 0; id = inFrames.nextSetBit(id + 1))
            if (!held.get(id)) return id;
        return -1;
    }

    // ---- tmpfs and pipe pages, held in frames or swap slots

    @Override public int alloc() {
        long frame = reclaiming ? FrameAllocator.NONE : frames.alloc();
        if (frame != FrameAllocator.NONE) return place(frame);
        int slot = pager.swap().take(1);
        return slot < 0 ? -1 : place(-(slot + 1L));
    }

    @Override public int allocAnyway() {
        int id = alloc();
        if (id >= 0) return id;
        id = place(HEAP);
        overdrawn.put(id, new byte[PAGE]);
        return id;
    }

    private int place(long location) {
        int id = freeIds.isEmpty() ? nextId++ : freeIds.pop();
        if (id >= where.length) where = java.util.Arrays.copyOf(where, where.length * 2);
        where[id] = location;
        if (location >= 0) inFrames.set(id);
        pagesHeld++;
        peak = Math.max(peak, pages());
        return id;
    }

    @Override public void free(int id) {
        long at = where[id];
        if (at == HEAP) overdrawn.remove(id);
        else if (at >= 0) frames.decRef(at);
        else pager.swap().put((int) (-at - 1));
        inFrames.clear(id);
        freeIds.push(id);
        pagesHeld--;
    }

    @Override public void read(int id, int off, byte[] dst, int dstOff, int len) {
        long at = where[id];
        if (at == HEAP) System.arraycopy(overdrawn.get(id), off, dst, dstOff, len);
        else if (at >= 0) pager.memory().read(pager.pa(at) + off, dst, dstOff, len);
        else System.arraycopy(pager.swap().page((int) (-at - 1)), off, dst, dstOff, len);
    }

    @Override public byte[] hold(int id) {
        held.set(id);
        long at = where[id];
        return at == HEAP ? overdrawn.get(id) : at >= 0 ? pager.memory().writable(pager.pa(at)) : pager.swap().page((int) (-at - 1));
    }

    /** Writes into a kernel page's frame need not tell the hart: no page table maps it, so no code was decoded from it since it was taken. */
    @Override public int offset(int id) {
        long at = where[id];
        return at >= 0 && at != HEAP ? (int) pager.pa(at) & PhysicalMemory.CHUNK_MASK : 0;
    }

    @Override public void release(int id) { held.clear(id); }

    @Override public void write(int id, int off, byte[] src, int srcOff, int len) {
        long at = where[id];
        if (at == HEAP) System.arraycopy(src, srcOff, overdrawn.get(id), off, len);
        else if (at >= 0) pager.memory().write(pager.pa(at) + off, src, srcOff, len);
        else System.arraycopy(src, srcOff, pager.swap().page((int) (-at - 1)), off, len);
    }

    /** Runs a reclaim step with charges turned into overdrafts (see {@link #charge}). */
    boolean whileReclaiming(java.util.function.BooleanSupplier step) {
        boolean was = reclaiming;
        reclaiming = true;
        try {
            return step.getAsBoolean();
        } finally {
            reclaiming = was;
        }
    }
}
