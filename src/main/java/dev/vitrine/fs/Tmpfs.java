package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import dev.vitrine.mm.KernelMemory;

/**
 * One tmpfs's superblock as far as space goes (Linux's shmem_sb_info): the pages its files
 * hold, at most {@code size=} (half of RAM unless --tmpfs-size says otherwise), each also
 * charged to the machine's memory. Full is ENOSPC; a machine with no memory left is ENOMEM.
 */
public final class Tmpfs {
    private final long maxPages;
    private final KernelMemory machine;
    private long pages;
    /** Files whose last name went while nobody had them open: freed at the next charge, unless linked again. */
    private final java.util.List<RegularFile> orphans = new java.util.ArrayList<>();

    /** {@code machine} null: not charged anywhere but the size limit (tests, the boot tree before the machine exists). */
    public Tmpfs(long maxBytes, KernelMemory machine) {
        this.maxPages = Math.max(0, maxBytes) / MemStore.PAGE;
        this.machine = machine;
    }

    public static Tmpfs unlimited() { return new Tmpfs(Long.MAX_VALUE, null); }

    public long pages() { return pages; }
    public long maxPages() { return maxPages; }

    /** One more page for some file; throws ENOSPC or ENOMEM when there is none. */
    void charge() {
        reap();
        if (pages >= maxPages) throw new FsException(Errno.ENOSPC);
        if (machine != null && !machine.charge()) throw new FsException(Errno.ENOMEM);
        pages++;
    }

    /** A page that must be had (a write-back): taken past the limit if need be. */
    void force() {
        if (machine != null) machine.overdraw();
        pages++;
    }

    void orphaned(RegularFile f) { orphans.add(f); }

    /** Frees the orphans still unreachable (a rename linked its file again in the meantime). */
    public void reap() {
        if (orphans.isEmpty()) return;
        java.util.List<RegularFile> now = java.util.List.copyOf(orphans);
        orphans.clear();
        for (RegularFile f : now) f.releaseIfGone();
    }

    void uncharge(long n) {
        if (n <= 0) return;
        pages -= n;
        if (machine != null) machine.uncharge(n);
    }
}
