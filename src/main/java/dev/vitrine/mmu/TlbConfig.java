package dev.vitrine.mmu;

/**
 * The modeled TLB: {@code entries} in total per side, {@code ways} per set (entries for
 * fully associative), a replacement policy, split instruction/data sides or one unified,
 * and whether entries carry an ASID (else a context switch flushes everything).
 */
public record TlbConfig(int entries, int ways, Policy policy, boolean split, boolean asidTagged, long seed) {
    public enum Policy { LRU, FIFO, RANDOM }

    public static final TlbConfig DEFAULT = new TlbConfig(64, 64, Policy.LRU, true, false, 0);

    public TlbConfig {
        if (entries < 0) throw new IllegalArgumentException("TLB entries must be >= 0");
        if (entries > 0 && (ways <= 0 || entries % ways != 0))
            throw new IllegalArgumentException("TLB ways must divide the entry count (" + entries + " entries, " + ways + " ways)");
        if (entries > 0 && Integer.bitCount(entries / ways) != 1)
            throw new IllegalArgumentException("TLB set count must be a power of two (" + entries / ways + " sets)");
    }

    /** Parses {@code ENTRIES[:WAYS[:POLICY]]}; ways default to fully associative. */
    public static TlbConfig parse(String spec, boolean split, boolean asidTagged, long seed) {
        String[] p = spec.split(":");
        try {
            int entries = Integer.parseInt(p[0]);
            int ways = p.length > 1 && !p[1].isEmpty() && !p[1].equals("full") ? Integer.parseInt(p[1]) : Math.max(entries, 1);
            Policy pol = p.length > 2 ? Policy.valueOf(p[2].toUpperCase()) : Policy.LRU;
            return new TlbConfig(entries, ways, pol, split, asidTagged, seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --tlb '" + spec + "': expected ENTRIES[:WAYS[:lru|fifo|random]]");
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("No enum"))
                throw new IllegalArgumentException("bad TLB policy in '" + spec + "': expected lru, fifo or random");
            throw e;
        }
    }
}
