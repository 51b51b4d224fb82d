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

    Reclaim(Pager pager) { this.pager = pager; }

    void pin(long frame) { pinned.add(frame); }
    void unpin(long frame) { pinned.remove(frame); }

    /** Frees one frame; false when no page can be evicted (out of memory). */
    boolean evictOne() {
        List<Integer> setAside = new ArrayList<>();
        boolean freed = false;
        while (pager.policy().resident() > 0) {
            int victim = pager.policy().victim(pager.accessed);
            if (evict(victim)) { freed = true; break; }
            pager.untrack(victim);
            setAside.add(victim);
        }
        for (int f : setAside) if (pager.frames().refCount(f) > 0) pager.track(f);
        return freed;
    }

    private boolean evict(long frame) {
        if (pinned.contains(frame)) return false;
        FrameAllocator frames = pager.frames();
        List<Rmap.Mapping> maps = pager.rmap.of(frame);
        FilePages owner = pager.cacheOwner(frame);
        if (owner == null) {
            // Anonymous: every reference must be a PTE we can rewrite into a swap entry.
            if (maps.isEmpty() || frames.refCount(frame) != maps.size()) return false;
            int slot = pager.swap().store(pager.memory(), pager.pa(frame), maps.size());
            if (slot < 0) return false;
            for (Rmap.Mapping m : maps) m.space().swapOut(m.va(), frame, slot);
            pager.swapOuts++;
        } else {
            if (frames.refCount(frame) != maps.size() + 1) return false;
            AddressSpace dirtier = null;
            for (Rmap.Mapping m : maps) if (m.space().unmapPage(m.va(), true)) dirtier = m.space();
            if (dirtier != null) pager.writeBack(frame, dirtier);
            else pager.fileDrops++;
            owner.forget(pager.cacheIndex(frame));
            frames.decRef(frame);
        }
        pager.evictions++;
        return true;
    }
}
