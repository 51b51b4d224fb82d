package dev.vitrine.mmu;

/**
 * Who hears the MMU's slow path: TLB misses, each walk with the PTEs it read, and (when the
 * MMU runs without its fast paths, see {@link Mmu#setListener}) every lookup and every
 * invalidation. The kernel's trace implements it; the MMU never sees who listens. Only
 * called when set, so a machine without a listener pays one null check on a miss.
 */
public interface MmuListener {
    /** A TLB lookup for {@code va} missed; a walk follows. */
    void tlbMiss(long va, int access);

    /**
     * A hardware walk ended: entries {@code 0..n-1} of {@code ptePas}/{@code ptes} are the
     * PTEs it read, root first; {@code cause} is null when it found a leaf that allows the access.
     */
    void walked(long va, int access, long[] ptePas, long[] ptes, int n, FaultCause cause);

    /** Every TLB lookup, hit or miss, in order: only with {@link Mmu#setListener}'s {@code everyLookup}. */
    default void lookup(long va, int access) {}

    /** Entries for page {@code va} of address space {@code asid} were dropped (sfence.vma va); with everyLookup only. */
    default void invalidatedPage(long va, int asid) {}

    /** Entries of one address space ({@code asid} >= 0) or of all (-1) were dropped; with everyLookup only. */
    default void invalidatedAll(int asid) {}
}
