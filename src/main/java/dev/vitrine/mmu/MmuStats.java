package dev.vitrine.mmu;

/** The hardware's exact counters. Plain fields: the hart's hot path bumps them. */
public final class MmuStats {
    public long fetchHits, fetchMisses, dataHits, dataMisses;
    public long walks, pteReads, pteWrites;
    /** Faults raised by the hardware, indexed by {@link FaultCause#ordinal()}. */
    public final long[] faults = new long[FaultCause.values().length];
    /** Whole-TLB flushes (see {@link Mmu} for which events count). */
    public long flushes;
    /** invalidatePage calls (sfence.vma of one page). */
    public long pageInvalidations;
    /** Store hits on an entry whose D was clear: each one also counts as a walk. */
    public long dirtyWalks;
    /** TLB fills that replaced a valid entry. */
    public long evictions;

    public long hits() { return fetchHits + dataHits; }
    public long misses() { return fetchMisses + dataMisses; }
    public double hitRate() { long t = hits() + misses(); return t == 0 ? 0 : (double) hits() / t; }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder(String.format(
                "fetch %d hits %d misses, data %d hits %d misses, %d walks, %d PTE reads, %d PTE writes, "
                        + "%d dirty walks, %d evictions, %d flushes, %d page invalidations, faults:",
                fetchHits, fetchMisses, dataHits, dataMisses, walks, pteReads, pteWrites, dirtyWalks, evictions,
                flushes, pageInvalidations));
        for (FaultCause c : FaultCause.values()) sb.append(' ').append(c).append('=').append(faults[c.ordinal()]);
        return sb.toString();
    }
}
