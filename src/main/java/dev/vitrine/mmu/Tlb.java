package dev.vitrine.mmu;

import java.util.SplittableRandom;

/**
 * One set-associative TLB array: {@code sets = entries / ways}, a set chosen by the low
 * bits of the page number. Fully associative when ways == entries; no entries means no
 * TLB (every lookup misses, nothing is ever filled).
 *
 * <p>An entry maps a page of some size: a base page or a superpage found at a higher
 * level of the walk. Sizes are numbered by "span index" s, covering 2^spans[s] base
 * pages; a superpage entry sits in the set chosen by its own page number
 * (vpn >>> spans[s]), so a lookup probes one set per size that is resident, smallest
 * size first. The first match in that order is the hit.
 *
 * <p>Replacement picks an empty way of the set first (lowest way), else by policy: LRU
 * evicts the least recently filled-or-hit entry (exact, by a timestamp bumped on every
 * hit), FIFO the oldest fill, RANDOM a way drawn from a seeded generator.
 *
 * <p>Struct-of-arrays, no allocation after construction: the MMU calls this per access.
 * Wide sets also keep a memo of recent lookups. Between two changes of the TLB's content
 * a lookup is a pure function of (vpn, asid), so the memo is valid exactly while
 * {@code version} (bumped by every fill, update and drop) is unchanged: it can never
 * answer differently from the search it skips.
 */
public final class Tlb {
    /** Tag of a global mapping: matches every address space. */
    public static final int ANY_ASID = -1;
    private static final long EMPTY = -1;
    /** Bits of the key that hold the span index; the rest is the page number of that size. */
    private static final int SPAN_KEY_BITS = 6;

    private final int ways;
    private final int setMask;
    private final int[] spans;
    private final int[] resident;
    private final boolean lru;
    private final TlbConfig.Policy policy;
    private final SplittableRandom random;

    private final long[] keys;
    private final int[] asids;
    private final long[] ppns;
    private final int[] perms;
    private final long[] stamps;
    private long clock;

    /** Content version: any change to an entry bumps it and so voids the memo. */
    private long version;
    private final int memoMask;
    private final long[] memoVpn, memoVersion;
    private final int[] memoAsid, memoSlot;
    /** Below this many ways the search is as cheap as the memo. */
    private static final int MEMO_MIN_WAYS = 16, MEMO_SIZE = 256;

    /**
     * @param spans base pages per entry size as a shift, smallest first (0 for base pages)
     * @param seed  the RANDOM policy's generator seed
     */
    public Tlb(int entries, int ways, TlbConfig.Policy policy, int[] spans, long seed) {
        this(entries, ways, policy, spans, seed, true);
    }

    /** {@code memo} false: always search (the reference the memo must equal). */
    Tlb(int entries, int ways, TlbConfig.Policy policy, int[] spans, long seed, boolean memo) {
        if (spans.length == 0 || spans.length > (1 << SPAN_KEY_BITS))
            throw new IllegalArgumentException("bad span list");
        this.ways = entries == 0 ? 1 : ways;
        this.setMask = entries == 0 ? 0 : entries / ways - 1;
        this.spans = spans.clone();
        this.resident = new int[spans.length];
        this.policy = policy;
        this.lru = policy == TlbConfig.Policy.LRU;
        this.random = new SplittableRandom(seed);
        this.keys = new long[entries];
        this.asids = new int[entries];
        this.ppns = new long[entries];
        this.perms = new int[entries];
        this.stamps = new long[entries];
        java.util.Arrays.fill(keys, EMPTY);
        int memoSize = memo && this.ways >= MEMO_MIN_WAYS ? MEMO_SIZE : 0;
        this.memoMask = memoSize - 1;
        this.memoVpn = new long[memoSize];
        this.memoVersion = new long[memoSize];
        this.memoAsid = new int[memoSize];
        this.memoSlot = new int[memoSize];
        java.util.Arrays.fill(memoVersion, -1);
    }

    /** The sizes an MMU of {@code g} can map, as spans of base pages, smallest first. */
    public static int[] spans(Geometry g) {
        int[] s = new int[g.levels()];
        for (int i = 0; i < s.length; i++) s[i] = g.shift(g.levels() - 1 - i) - g.pageBits();
        return s;
    }

    /** The span index an entry for a leaf found at walk level {@code level} gets. */
    public static int spanIndexOfLevel(Geometry g, int level) { return g.levels() - 1 - level; }

    public int size() { return keys.length; }
    public int ways() { return ways; }
    public int sets() { return keys.length == 0 ? 0 : setMask + 1; }

    private long key(long vpn, int s) { return ((vpn >>> spans[s]) << SPAN_KEY_BITS) | s; }
    private int setBase(long vpn, int s) { return (int) ((vpn >>> spans[s]) & setMask) * ways; }

    /** The slot mapping {@code vpn} in address space {@code asid}, or -1. Changes nothing. */
    public int find(long vpn, int asid) {
        if (memoMask < 0) return search(vpn, asid);
        int m = (int) vpn & memoMask;
        if (memoVpn[m] == vpn && memoVersion[m] == version && memoAsid[m] == asid) return memoSlot[m];
        int slot = search(vpn, asid);
        memoVpn[m] = vpn;
        memoAsid[m] = asid;
        memoSlot[m] = slot;
        memoVersion[m] = version;
        return slot;
    }

    private int search(long vpn, int asid) {
        for (int s = 0; s < spans.length; s++) {
            if (resident[s] == 0) continue;
            long key = key(vpn, s);
            for (int i = setBase(vpn, s), end = i + ways; i < end; i++)
                if (keys[i] == key && (asids[i] == asid || asids[i] == ANY_ASID)) return i;
        }
        return -1;
    }

    /** A lookup hit {@code slot}: the replacement state learns of it. */
    public void touch(int slot) {
        if (lru) stamps[slot] = ++clock;
    }

    /** {@code n} lookups hit {@code slot} in a row: the same replacement state as n calls of {@link #touch}. */
    public void touch(int slot, long n) {
        if (lru) stamps[slot] = clock += n;
    }

    /**
     * {@code n} lookups in a row, each hitting {@code slotA} or {@code slotB}, the last hit on
     * slotA the a-th of them and on slotB the b-th (0: none): the same replacement state as
     * those n calls of {@link #touch}. The slots may be one (a superpage): the later hit wins.
     */
    public void touch(int slotA, long a, int slotB, long b, long n) {
        if (!lru) return;
        long c = clock;
        if (a < b) {
            if (a != 0) stamps[slotA] = c + a;
            stamps[slotB] = c + b;
        } else {
            if (b != 0) stamps[slotB] = c + b;
            stamps[slotA] = c + a;
        }
        clock = c + n;
    }

    /** The slot a fill of {@code vpn} at size {@code s} will take, or -1 without a TLB. May draw a random number. */
    public int victim(long vpn, int s) {
        if (keys.length == 0) return -1;
        int base = setBase(vpn, s), end = base + ways;
        for (int i = base; i < end; i++) if (keys[i] == EMPTY) return i;
        if (policy == TlbConfig.Policy.RANDOM) return base + random.nextInt(ways);
        int v = base;
        for (int i = base + 1; i < end; i++) if (stamps[i] < stamps[v]) v = i;
        return v;
    }

    /** Puts a mapping in {@code slot} (from {@link #victim}); it counts as just used for LRU and FIFO. */
    public void fill(int slot, long vpn, int s, int asid, long ppn, int permBits) {
        if (keys[slot] != EMPTY) resident[spanIndex(slot)]--;
        keys[slot] = key(vpn, s);
        asids[slot] = asid;
        ppns[slot] = ppn & ~((1L << spans[s]) - 1);
        perms[slot] = permBits;
        stamps[slot] = ++clock;
        resident[s]++;
        version++;
    }

    /** Rewrites a valid entry's translation in place (same page, same size); replacement state unchanged. */
    public void update(int slot, int asid, long ppn, int permBits) {
        asids[slot] = asid;
        ppns[slot] = ppn & ~((1L << spans[spanIndex(slot)]) - 1);
        perms[slot] = permBits;
        version++;
    }

    public boolean valid(int slot) { return keys[slot] != EMPTY; }
    /** When the entry was last filled (FIFO) or filled-or-hit (LRU), on the TLB's own clock: larger is younger. */
    public long stamp(int slot) { return stamps[slot]; }
    public TlbConfig.Policy policy() { return policy; }
    public int spanIndex(int slot) { return (int) (keys[slot] & ((1 << SPAN_KEY_BITS) - 1)); }
    public int asid(int slot) { return asids[slot]; }
    /** The PTE flag bits (V R W X U G A D) the entry was filled with. */
    public int perms(int slot) { return perms[slot]; }
    /** The first page number the entry covers. */
    public long vpn(int slot) { return (keys[slot] >>> SPAN_KEY_BITS) << spans[spanIndex(slot)]; }
    /** Base pages the entry covers. */
    public long pages(int slot) { return 1L << spans[spanIndex(slot)]; }

    /** The physical page number {@code vpn} lands in through {@code slot}. */
    public long ppnFor(int slot, long vpn) {
        return ppns[slot] | (vpn & ((1L << spans[spanIndex(slot)]) - 1));
    }

    public void drop(int slot) {
        if (keys[slot] == EMPTY) return;
        resident[spanIndex(slot)]--;
        keys[slot] = EMPTY;
        version++;
    }

    /** Drops every entry that would match {@code vpn} in {@code asid}, global ones included. */
    public void dropPage(long vpn, int asid) {
        for (int s = 0; s < spans.length; s++) {
            if (resident[s] == 0) continue;
            long key = key(vpn, s);
            for (int i = setBase(vpn, s), end = i + ways; i < end; i++)
                if (keys[i] == key && (asids[i] == asid || asids[i] == ANY_ASID)) drop(i);
        }
    }

    /** Drops the entries tagged {@code asid}; global ones stay. */
    public void dropAsid(int asid) {
        for (int i = 0; i < keys.length; i++) if (asids[i] == asid) drop(i);
    }

    public void flush() {
        java.util.Arrays.fill(keys, EMPTY);
        java.util.Arrays.fill(resident, 0);
        version++;
    }

    public int validEntries() {
        int n = 0;
        for (long k : keys) if (k != EMPTY) n++;
        return n;
    }
}
