package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.KernelPages;

/**
 * One tmpfs's superblock as far as space goes (Linux's shmem_sb_info): the pages its files
 * hold, at most {@code size=} (half of RAM unless --tmpfs-size says otherwise), each a page of
 * the machine's memory (a frame or a swap slot, mm.KernelMemory). Full is ENOSPC; a machine
 * with no memory left is ENOMEM.
 */
public final class Tmpfs {
    private final long maxPages;
    private final boolean unlimited;
    private final KernelPages store;
    private long pages;
    /** Files whose last name went while nobody had them open: freed at the next charge, unless linked again. */
    private final java.util.List<RegularFile> orphans = new java.util.ArrayList<>();

    /** {@code store}: where the pages live (the machine's memory, or {@link KernelPages#heap()} with no machine). */
    public Tmpfs(long maxBytes, KernelPages store) {
        this.maxPages = Math.max(0, maxBytes) / MemStore.PAGE;
        this.unlimited = maxBytes == Long.MAX_VALUE;
        this.store = store;
    }

    public static Tmpfs unlimited() { return new Tmpfs(Long.MAX_VALUE, KernelPages.heap()); }

    KernelPages store() { return store; }

    public long pages() { return pages; }
    public long maxPages() { return maxPages; }
    /** No size limit (Linux's size=0): statfs shows no block counts. */
    public boolean sizeless() { return unlimited; }

    /** A new zeroed page for some file, by number; throws ENOSPC or ENOMEM when there is none. */
    int alloc() {
        reap();
        if (pages >= maxPages) throw new FsException(Errno.ENOSPC);
        int id = store.alloc();
        if (id < 0) throw new FsException(Errno.ENOMEM);
        pages++;
        return id;
    }

    /** A page that must be had (a write-back): taken past the limit if need be. */
    int allocAnyway() {
        pages++;
        return store.allocAnyway();
    }

    void orphaned(RegularFile f) { orphans.add(f); }

    /** Frees the orphans still unreachable (a rename linked its file again in the meantime). */
    public void reap() {
        if (orphans.isEmpty()) return;
        java.util.List<RegularFile> now = java.util.List.copyOf(orphans);
        orphans.clear();
        for (RegularFile f : now) f.releaseIfGone();
    }

    void free(int id) {
        pages--;
        store.free(id);
    }
}
