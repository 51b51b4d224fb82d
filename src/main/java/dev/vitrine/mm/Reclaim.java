package dev.vitrine.mm;

import java.util.ArrayList;
import java.util.List;

/**
 * Page replacement when no frame is free (Linux's shrink_page_list): the policy names a
 * victim, and the victim leaves every page table that maps it (try_to_unmap). A clean file
 * page is simply dropped (it can be read again), a dirty one is written back first, an
 * anonymous page goes to swap. A victim that cannot go now (swap full, pinned by a fault in
 * progress) is set aside and offered to the policy again afterwards.
 */
final class Reclaim {
    private final Pager pager;
    /** Frames a fault in progress still needs (the page being copied on write). */
    private final List<Long> pinned = new ArrayList<>();
    private byte[] page, zeros;

    Reclaim(Pager pager) { this.pager = pager; }

    void pin(long frame) { pinned.add(frame); }
    void unpin(long frame) { pinned.remove(frame); }

    /**
     * Pages that cannot go until something changes (swap full, or locked): Linux's unevictable
     * list. They leave the policy, so that a machine at its end scans each once, not once per
     * allocation; they return when a swap slot is freed or an area is unlocked.
     */
    private final java.util.BitSet parked = new java.util.BitSet();
    private long seenSwapFrees;
    private static final int EVICTED = 1, BUSY = 0, NO_ROOM = -1;

    /** Frees one frame; false when no page can be evicted (out of memory). */
    boolean evictOne() {
        if (pager.swap().frees() != seenSwapFrees) unparkAll();
        List<Integer> setAside = new ArrayList<>();
        boolean freed = false;
        while (pager.policy().resident() > 0) {
            int victim = pager.policy().victim(pager.accessed);
            int r = evict(victim);
            if (r == EVICTED) { freed = true; break; }
            pager.untrack(victim);
            if (r == NO_ROOM) parked.set(victim);
            else setAside.add(victim);
        }
        for (int f : setAside) if (pager.frames().refCount(f) > 0) pager.track(f);
        return freed;
    }

    /** Every parked page is a candidate again (a swap slot came free, an area was unlocked). */
    void unparkAll() {
        seenSwapFrees = pager.swap().frees();
        for (int f = parked.nextSetBit(0); f >= 0; f = parked.nextSetBit(f + 1))
            if (pager.frames().refCount(f) > 0) pager.track(f);
        parked.clear();
    }

    /** The frame was freed: it is nobody's candidate now. */
    void forget(long frame) { parked.clear((int) frame); }

    private int evict(long frame) {
        if (pinned.contains(frame)) return BUSY;
        FrameAllocator frames = pager.frames();
        List<Rmap.Mapping> maps = pager.rmap.of(frame);
        // mlock and MAP_LOCKED: the page stays in RAM while any locked area maps it.
        for (Rmap.Mapping m : maps) if (m.space().lockedAt(m.va())) return NO_ROOM;
        FilePages owner = pager.cacheOwner(frame);
        if (owner != null && owner.file() instanceof ShmemFile shm) return evictShmem(frame, owner, shm, maps);
        if (owner == null) {
            // Anonymous: every reference must be a PTE we can rewrite into a swap entry.
            if (maps.isEmpty() || frames.refCount(frame) != maps.size()) return BUSY;
            int slot = pager.swap().store(pager.memory(), pager.pa(frame), maps.size());
            if (slot < 0) return NO_ROOM;
            for (Rmap.Mapping m : maps) m.space().swapOut(m.va(), frame, slot);
            pager.swapOuts++;
            report(frame, "swap-out", maps.size(), slot);
        } else {
            if (frames.refCount(frame) != maps.size() + 1) return BUSY;
            AddressSpace dirtier = null;
            for (Rmap.Mapping m : maps) if (m.space().unmapPage(m.va(), true)) dirtier = m.space();
            if (dirtier != null) pager.writeBack(frame, dirtier);
            else pager.fileDrops++;
            report(frame, dirtier != null ? "write-back" : "drop", maps.size(), -1);
            owner.forget(pager.cacheIndex(frame));
            frames.decRef(frame);
        }
        pager.evictions++;
        return EVICTED;
    }

    /** The policy's choice and what became of it; a swap-out also as a swap event (slot -2: a shared page's own slot). */
    private void report(long frame, String outcome, int mappings, long slot) {
        var tr = pager.tracer();
        if (tr.on(dev.vitrine.trace.Category.EVICT))
            tr.emit(new dev.vitrine.trace.Event.Evict(tr.ns(), tr.pid(), tr.tid(), frame, pager.policy().kind().label(), outcome, mappings));
        if (slot != -1 && tr.on(dev.vitrine.trace.Category.SWAP))
            tr.emit(new dev.vitrine.trace.Event.Swap(tr.ns(), tr.pid(), tr.tid(), "out", slot, frame));
    }

    /** A page of shared anonymous memory goes to its swap slot (a page of zeros needs none); no slot, no eviction. */
    private int evictShmem(long frame, FilePages owner, ShmemFile shm, List<Rmap.Mapping> maps) {
        FrameAllocator frames = pager.frames();
        if (shm.locked()) return NO_ROOM;   // SHM_LOCK
        if (frames.refCount(frame) != maps.size() + 1) return BUSY;
        long index = pager.cacheIndex(frame);
        if (page == null) { page = new byte[(int) pager.pageSize()]; zeros = new byte[page.length]; }
        pager.memory().read(pager.pa(frame), page, 0, page.length);
        boolean zero = java.util.Arrays.equals(page, zeros) && !shm.hasSlot(index);
        if (!zero && !shm.canWriteBack(pager.swap(), index)) return NO_ROOM;
        for (Rmap.Mapping m : maps) m.space().unmapPage(m.va(), false);
        if (!zero) {
            shm.writeBack(pager.swap(), index, page);
            pager.swapOuts++;
        } else pager.fileDrops++;
        report(frame, zero ? "zero" : "swap-out", maps.size(), zero ? -1 : -2);
        owner.forget(index);
        frames.decRef(frame);
        pager.evictions++;
        return EVICTED;
    }
}
