package dev.vitrine.mm;

/**
 * The machine's one memory budget for pages the kernel holds for the guest outside user
 * frames: tmpfs file data and pipe buffers. In Linux these are pages of RAM like any other
 * (shmem pages are swappable), so here each such page holds a frame's worth of RAM
 * (evicting a user page for it if need be) or, when RAM is all taken, a swap slot; when
 * neither is left the charge fails and the caller answers as Linux does (ENOSPC, ENOMEM).
 * When a user page needs a frame and nothing else can be evicted, a kernel page moves from
 * RAM to swap ({@link #spill}). So frames in use, swap slots and kernel pages together never
 * exceed --mem plus --swap, and the Java heap holds at most that much guest data again.
 */
public final class KernelMemory {
    private final FrameAllocator frames;
    private final Pager pager;
    private long inRam, inSwap, peak;
    private boolean reclaiming;

    KernelMemory(FrameAllocator frames, Pager pager) {
        this.frames = frames;
        this.pager = pager;
    }

    /** Pages held now, and the most ever held. */
    public long pages() { return inRam + inSwap; }
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
        if (inRam == 0 || !pager.swap().reserve()) return false;
        inRam--;
        inSwap++;
        frames.unreserve();
        return true;
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
