package dev.vitrine.mmu;

/**
 * The memory-management unit of one hart: translate a virtual address for a fetch, load
 * or store through the TLB and, on a miss, a walk of the page tables in physical memory.
 * Hardware sets A on any access and D on a store. A refused translation returns
 * {@link #FAULT} and leaves the reason in {@link #faultAddress()}, {@link #faultAccess()}
 * and {@link #faultCause()}; the hart turns that into a page-fault trap.
 *
 * <h2>Counting rules (exact)</h2>
 * <ul>
 * <li>Every translation of an address the geometry can represent (with a root set) is one
 *     TLB lookup: exactly one of fetchHits/fetchMisses (fetches) or dataHits/dataMisses
 *     (loads and stores), also with a unified TLB. Without a TLB (0 entries) every lookup
 *     is a miss. An OUT_OF_RANGE address is no lookup, only a fault.</li>
 * <li>A miss is one walk; the walk counts one pteRead per entry it reads and one pteWrite
 *     when it must set A and/or D in the leaf. A walk that faults fills nothing.</li>
 * <li>A hit whose cached permissions refuse the access faults (PROTECTION) without a walk:
 *     the kernel must {@link #invalidatePage} after changing a PTE, upgrades included.</li>
 * <li>A store that hits an entry whose D is still clear counts as a hit and then re-walks
 *     (walks, dirtyWalks, pteReads per level, pteWrites for setting D): hardware must set D
 *     atomically with re-checking the PTE, as Svadu requires. The walk's result rewrites
 *     the entry in place; if it faults, the stale entry is dropped.</li>
 * <li>A hit updates the replacement state (LRU timestamp) also when it then faults.</li>
 * <li>flushes counts whole-TLB flushes: invalidateAll, invalidateAsid, and setRoot to a
 *     different root or ASID when entries are not ASID-tagged (not the very first setRoot,
 *     nor without a TLB). invalidatePage counts in pageInvalidations. A split TLB's two
 *     halves flushed together are one flush.</li>
 * <li>evictions counts fills that replaced a valid entry.</li>
 * </ul>
 *
 * <p>A superpage leaf fills one entry that covers the whole superpage. With ASID-tagged
 * entries a leaf with G matches every address space (ASIDs are non-negative). A page
 * whose frame lies outside physical memory is refused as PROTECTION, on a walk and on a
 * hit alike. With RANDOM replacement the fetch side draws from {@code seed} and the data
 * side from {@code seed ^ 0x9E3779B97F4A7C15}; a unified TLB from {@code seed}.
 *
 * <p>The fast path changes no figure: it only skips the set search when the search would
 * find the same slot again, and still counts the hit and bumps the slot's LRU timestamp,
 * in the same order as a full lookup. Each side remembers its current page (in fields,
 * read by {@link #fetch}, {@link #load} and {@link #store}, which are kept under the JIT's
 * 35-byte inlining limit so that every call site in the hart inlines them) and the page
 * before it (tried out of line before the set search: the stack and the globals alternate;
 * the fetch side's in a {@link LastPage}, the data side's in fields, and a hit on it leaves
 * both pages in place). Why a remembered page stays exact is written at {@link LastPage}.
 * The hart's loads and stores ask first for the chunk of physical memory behind either data
 * page ({@link #loadChunk}, {@link #storeChunk}), counted the same, so that a hit needs no
 * translation to a physical address and no chunk lookup.
 */
public final class Mmu {
    public static final long FAULT = -1L;

    private final Geometry geometry;
    private final PhysicalMemory memory;
    private final TlbConfig tlbConfig;
    private final MmuStats stats = new MmuStats();
    private final PageWalker walker;
    private final Tlb fetchTlb, dataTlb;
    // The current page of each side, flattened for the inlined fast paths. fetchPage, loadPage and
    // storePage hold the page only while that access is granted outright, else -1 (no va >>> pageBits
    // is -1). delta = pa - va within the page.
    private long fetchPage = -1, fetchDelta;
    private int fetchSlot;
    private long loadPage = -1, storePage = -1, dataDelta, dataPage = -1;
    private int dataSlot, dataAllow;
    // The data side's page before its current one, flattened too: the hart's accesses alternate
    // between two pages (the stack and the globals, a[i] and a[j]), so both are served inline.
    private long prevPage = -1, prevDelta;
    private int prevSlot, prevAllow;
    // Each of the two data pages' chunk of physical memory (see chunkFor), and the pages whose
    // loads and stores may use it: loadChunk/storeChunk, or -1.
    private byte[] dataChunk, prevChunk;
    private long loadChunk = -1, storeChunk = -1, prevLoadChunk = -1, prevStoreChunk = -1;
    private int dataChunkIndex, prevChunkIndex, hitChunkIndex;
    /**
     * Whether loads and stores may be served by chunk: pages are chunks of physical memory
     * (4 KiB, so a page's bytes are one chunk at va's own offset), and the TLB is split, so
     * the hits they count in bulk ({@link #syncHits}) interleave with no fetch's.
     */
    private final boolean chunkPages;
    /**
     * Data hits served by chunk and not yet in the figures: {@code pending} of them, the last
     * on the current page the {@code pendingData}-th, on the previous page the
     * {@code pendingPrev}-th (0: none). See {@link #syncHits}.
     */
    private long pending, pendingData, pendingPrev;
    /** The page the fetch side translated before its current one: the second chance. */
    private final LastPage fetchPrev = new LastPage();
    private boolean fastPath;
    /** Whether the hart may count fetch hits in bulk: split TLB and fast path (see {@link #fetchBatchPage}). */
    private boolean batchFetches;
    private int batchSlot;
    private final int pageBits;
    private final long pageMask, vaMask, memSize;
    private long rootPa = -1;
    private int asid;

    private long faultAddress;
    private int faultAccess;
    private FaultCause faultCause;

    /** Null unless someone traces the hardware: then told of misses and walks (never on the fast paths). */
    private MmuListener listener;
    private boolean everyLookup;

    public Mmu(Geometry geometry, PhysicalMemory memory, TlbConfig tlbConfig) {
        this(geometry, memory, tlbConfig, true);
    }

    /** {@code fastPath} false makes every access search the TLB: the reference the fast path must equal. */
    Mmu(Geometry geometry, PhysicalMemory memory, TlbConfig tlbConfig, boolean fastPath) {
        this.geometry = geometry;
        this.memory = memory;
        this.tlbConfig = tlbConfig;
        this.walker = new PageWalker(geometry, memory, stats);
        int[] spans = Tlb.spans(geometry);
        int entries = tlbConfig.entries();
        int ways = entries == 0 ? 1 : tlbConfig.ways();
        // The data side's generator is derived so that split halves do not draw the same victims.
        this.fetchTlb = new Tlb(entries, ways, tlbConfig.policy(), spans, tlbConfig.seed());
        this.dataTlb = tlbConfig.split()
                ? new Tlb(entries, ways, tlbConfig.policy(), spans, tlbConfig.seed() ^ 0x9E3779B97F4A7C15L)
                : fetchTlb;
        this.fastPath = fastPath && entries > 0;
        this.batchFetches = this.fastPath && fetchTlb != dataTlb;
        this.pageBits = geometry.pageBits();
        this.pageMask = geometry.pageMask();
        this.vaMask = geometry.vaBits() >= 64 ? -1L : (1L << geometry.vaBits()) - 1;
        this.memSize = memory.size();
        this.chunkPages = this.fastPath && fetchTlb != dataTlb && pageBits == PhysicalMemory.CHUNK_BITS;
    }

    /**
     * Reports misses and walks to {@code l}. With {@code everyLookup} the fast paths are
     * switched off for the rest of the run (every access then searches the TLB, as
     * {@link #reference} does, with the same counts) so that each lookup and invalidation can
     * be reported too: what a memory-access trace needs. Set before the first access.
     */
    public void setListener(MmuListener l, boolean everyLookup) {
        syncHits();
        listener = l;
        walker.record(l != null);
        this.everyLookup = l != null && everyLookup;
        if (this.everyLookup) {
            fastPath = false;
            batchFetches = false;
            forgetLastPages();
        }
    }

    public Geometry geometry() { return geometry; }
    public PhysicalMemory memory() { return memory; }
    public TlbConfig tlbConfig() { return tlbConfig; }
    /** The figures (with every hit counted so far: see {@link #syncHits}). */
    public MmuStats stats() {
        syncHits();
        return stats;
    }
    /** The TLB fetches look up (the same object as {@link #dataTlb()} when unified). For inspection only. */
    public Tlb fetchTlb() { syncHits(); return fetchTlb; }
    public Tlb dataTlb() { syncHits(); return dataTlb; }

    /**
     * Like writing satp: the root table's physical address and the address space's id.
     * Setting the same root and ASID again changes nothing (Linux's switch_mm skips it too).
     */
    public void setRoot(long rootPa, int asid) {
        syncHits();
        boolean changed = rootPa != this.rootPa || asid != this.asid;
        boolean first = this.rootPa < 0;
        this.rootPa = rootPa;
        this.asid = asid;
        forgetLastPages();
        if (changed && !tlbConfig.asidTagged()) {
            flushTlbs();
            if (!first && tlbConfig.entries() > 0) stats.flushes++;
        }
    }

    public long root() { return rootPa; }
    public int asid() { return asid; }

    /** sfence.vma for one page of the current address space. */
    public void invalidatePage(long va) { invalidatePage(va, asid); }

    /** sfence.vma va, asid: drops the entries that map {@code va} in address space {@code asid} (and global ones). */
    public void invalidatePage(long va, int asid) {
        syncHits();
        stats.pageInvalidations++;
        if (everyLookup && asid == this.asid) listener.invalidatedPage(va, asid);
        forgetLastPages();
        if (!geometry.representable(va)) return;
        long vpn = (va & vaMask) >>> pageBits;
        fetchTlb.dropPage(vpn, asid);
        if (dataTlb != fetchTlb) dataTlb.dropPage(vpn, asid);
    }

    /** sfence.vma x0, asid: drops every non-global entry of one address space (e.g. before reusing its ASID). */
    public void invalidateAsid(int asid) {
        syncHits();
        if (everyLookup && asid == this.asid) listener.invalidatedAll(asid);
        forgetLastPages();
        fetchTlb.dropAsid(asid);
        if (dataTlb != fetchTlb) dataTlb.dropAsid(asid);
        if (tlbConfig.entries() > 0) stats.flushes++;
    }

    /** sfence.vma for everything. */
    public void invalidateAll() {
        syncHits();
        flushTlbs();
        if (tlbConfig.entries() > 0) stats.flushes++;
    }

    public long faultAddress() { return faultAddress; }
    public int faultAccess() { return faultAccess; }
    public FaultCause faultCause() { return faultCause; }

    /** The hardware walk for {@code va} in the current address space, explained; no counter, TLB entry or PTE changes. */
    public Walk explain(long va, int access) { return PageWalker.explain(geometry, memory, rootPa, va, access); }

    /** {@link #explain(long, int)} for a load. */
    public Walk explain(long va) { return explain(va, Access.LOAD); }

    /** The same for any address space, e.g. another process's, by its root table. */
    public Walk explain(long rootPa, long va, int access) { return PageWalker.explain(geometry, memory, rootPa, va, access); }

    /** Physical address for {@code va}, or {@link #FAULT}. */
    public long translate(long va, int access) {
        return access == Access.FETCH ? fetch(va) : access == Access.LOAD ? load(va) : store(va);
    }

    // The three fast paths: each must stay below 35 bytes of bytecode (MaxInlineSize) so that C2
    // inlines it at every call site, however cold; everything else is out of line in slow().

    /** {@link #translate} for a fetch. */
    public long fetch(long va) {
        if ((va >>> pageBits) != fetchPage) return slow(va, Access.FETCH);
        fetchHit();
        return va + fetchDelta;
    }

    /** {@link #translate} for a load. */
    public long load(long va) {
        if ((va >>> pageBits) != loadPage) return slow(va, Access.LOAD);
        dataHit();
        return va + dataDelta;
    }

    /** {@link #translate} for a store. */
    public long store(long va) {
        if ((va >>> pageBits) != storePage) return slow(va, Access.STORE);
        dataHit();
        return va + dataDelta;
    }

    /**
     * For benchmarks only (docs/performance.md): {@code -Dvitrine.bench.counting=off} stops the
     * fast paths from counting hits and updating the replacement state, to measure what exact
     * counting costs. Every figure, and with LRU the TLB's content, is then wrong; never a default.
     */
    private static final boolean COUNT_HITS = !"off".equals(System.getProperty("vitrine.bench.counting"));

    private void fetchHit() {
        if (!COUNT_HITS) return;
        stats.fetchHits++;
        fetchTlb.touch(fetchSlot);
    }

    private void dataHit() {
        if (!COUNT_HITS) return;
        if (pending != 0) applyHits();
        stats.dataHits++;
        dataTlb.touch(dataSlot);
    }

    // The hits of the chunk paths: numbered, added to the figures by syncHits.
    private void pendDataHit() {
        if (COUNT_HITS) pendingData = ++pending;
    }

    private void pendPrevHit() {
        if (COUNT_HITS) pendingPrev = ++pending;
    }

    /**
     * Adds the hits {@link #loadChunk} and {@link #storeChunk} counted in bulk to the figures
     * and the data TLB's replacement state. The hart calls it before its run returns; every
     * other way in (a translation, the figures, a TLB, sfence, setRoot) calls it first.
     *
     * <p>Why that is exact: n chunk hits, each on the current or the previous data page, would
     * each have added one to dataHits and set its slot's LRU stamp to ++clock of the data TLB,
     * and changed nothing else. Until the sync nothing else reads or changes the data TLB or
     * the figures (every other access path syncs first; the TLB is split, so fetches touch
     * only the fetch TLB; the two pages and their slots change only on those paths), so
     * dataHits += n, each slot stamped with clock + the number of its last hit, clock += n
     * leaves the same state.
     */
    public void syncHits() {
        if (pending != 0) applyHits();
    }

    private void applyHits() {
        stats.dataHits += pending;
        dataTlb.touch(dataSlot, pendingData, prevSlot, pendingPrev, pending);
        pending = pendingData = pendingPrev = 0;
    }

    // ---- the hart's loads and stores straight into a chunk of physical memory

    /**
     * A load at {@code va} that one of the two remembered data pages grants: counts it as
     * {@link #load} would (one data hit, the slot's LRU stamp) and returns that page's chunk
     * of physical memory, to be read at {@code (int) va & PhysicalMemory.CHUNK_MASK} (the page
     * is the chunk, so the offsets agree). Else null and nothing counted: then {@link #load}.
     * The caller reads within one 4 KiB block. A chunk once made stays the frame's for good
     * ({@link PhysicalMemory}), so a remembered one is never stale; a page whose chunk is not
     * made yet (it reads as zeros) is not served here, since a write elsewhere could make it.
     */
    public byte[] loadChunk(long va) {
        long vpn = va >>> PhysicalMemory.CHUNK_BITS; // only pages of that size are ever served here
        if (vpn == loadChunk) { pendDataHit(); return dataChunk; }
        if (vpn == prevLoadChunk) { pendPrevHit(); return prevChunk; }
        return null;
    }

    /** {@link #loadChunk} for a store (counted as {@link #store} would); {@link #hitChunkIndex} then names the chunk. */
    public byte[] storeChunk(long va) {
        long vpn = va >>> PhysicalMemory.CHUNK_BITS;
        if (vpn == storeChunk) { pendDataHit(); hitChunkIndex = dataChunkIndex; return dataChunk; }
        if (vpn == prevStoreChunk) { pendPrevHit(); hitChunkIndex = prevChunkIndex; return prevChunk; }
        return null;
    }

    /** pa >>> CHUNK_BITS of the chunk {@link #storeChunk} returned last. */
    public int hitChunkIndex() { return hitChunkIndex; }

    // ---- the same, taken apart for translated blocks (dev.vitrine.cpu.Translator). A block
    // compares va >>> CHUNK_BITS with these pages itself and numbers its hits in JVM locals,
    // and reports them through pendHits before anything else reaches the MMU (each access
    // these do not serve goes through Lsu.miss, after the report), so they cannot change
    // between a hit and its report.

    /** The page {@link #loadChunk} serves from {@link #dataChunk()}, or -1. */
    public long chunkLoadPage() { return loadChunk; }
    /** The page {@link #storeChunk} serves from {@link #dataChunk()}, or -1. */
    public long chunkStorePage() { return storeChunk; }
    /** The page {@link #loadChunk} serves from {@link #prevChunk()}, or -1. */
    public long prevChunkLoadPage() { return prevLoadChunk; }
    /** The page {@link #storeChunk} serves from {@link #prevChunk()}, or -1. */
    public long prevChunkStorePage() { return prevStoreChunk; }
    public byte[] dataChunk() { return dataChunk; }
    public byte[] prevChunk() { return prevChunk; }
    /** pa >>> CHUNK_BITS of {@link #dataChunk()}. */
    public int dataChunkIndex() { return dataChunkIndex; }
    /** pa >>> CHUNK_BITS of {@link #prevChunk()}. */
    public int prevChunkIndex() { return prevChunkIndex; }

    /**
     * n more hits served by chunk, as n calls of {@link #loadChunk} or {@link #storeChunk}
     * would count them: the last on the current data page the {@code lastData}-th of the n,
     * on the previous page the {@code lastPrev}-th (0: none).
     */
    public void pendHits(int n, int lastData, int lastPrev) {
        if (!COUNT_HITS) return;
        if (lastData != 0) pendingData = pending + lastData;
        if (lastPrev != 0) pendingPrev = pending + lastPrev;
        pending += n;
    }

    /** False only in the benchmarks' counting-off mode (see COUNT_HITS): then a translated block numbers no hits either. */
    public static boolean countsHits() { return COUNT_HITS; }

    // ---- fetch hits counted by the hart in bulk

    /**
     * The page (va >>> pageBits) of the fetch just translated, if the caller may count
     * further fetch hits on it itself and report them through {@link #countFetchHits};
     * else -1. Call right after a successful {@link #fetch}; pa = va + {@link #fetchBatchDelta()}.
     *
     * <p>Why that is exact, only with a split TLB: n fetches of this page through
     * {@link #fetch} would each count one fetch hit and set the slot's LRU stamp to ++clock
     * of the fetch TLB, and change nothing else. In a split TLB the hart's loads, stores
     * and atomics touch only the data TLB, the data counters and the data side's
     * remembered pages (a dirty walk's remap forgets the fetch page too, but that only
     * drops a hint: the fetch TLB, and so what its search finds, is unchanged). The
     * fetch TLB therefore keeps its content, and the n hits end in the same state as
     * fetchHits += n, clock += n, stamp = clock, provided nothing reads or changes the
     * fetch side before the report: the caller reports before any other call to
     * {@link #fetch} or {@link #translate} and before control leaves it (the kernel
     * calls sfence, setRoot and reads the counters only between runs). In a unified TLB
     * data accesses interleave their stamps with the fetches', so it returns -1 there.
     */
    public long fetchBatchPage() {
        if (!batchFetches) return -1;
        batchSlot = fetchSlot;
        return fetchPage;
    }

    /** pa - va on the page {@link #fetchBatchPage()} returned. */
    public long fetchBatchDelta() { return fetchDelta; }

    /** Counts {@code n} fetch hits on the page {@link #fetchBatchPage()} returned, as n calls of {@link #fetch} would. */
    public void countFetchHits(long n) {
        if (!COUNT_HITS) return;
        stats.fetchHits += n;
        fetchTlb.touch(batchSlot, n);
    }

    /** A TLB with every access searching its sets and no bulk fetch counting: the reference the fast paths must equal (for tests). */
    public static Mmu reference(Geometry geometry, PhysicalMemory memory, TlbConfig tlbConfig) {
        return new Mmu(geometry, memory, tlbConfig, false);
    }

    /** Whether the next {@code access} at {@code va} would be served without a set search (for tests). */
    boolean fastPathCovers(long va, int access) {
        long page = va >>> pageBits;
        long current = access == Access.FETCH ? fetchPage : access == Access.LOAD ? loadPage : storePage;
        if (access != Access.FETCH) return page == current || (page == prevPage && (prevAllow & (1 << access)) != 0);
        return page == current || (page == fetchPrev.vpn && (fetchPrev.allow & (1 << access)) != 0);
    }

    /** Not the side's current page: try the page before it, then a full lookup. */
    private long slow(long va, int access) {
        syncHits();
        boolean fetch = access == Access.FETCH;
        if (!fetch) {
            if ((va >>> pageBits) != prevPage || (prevAllow & (1 << access)) == 0) return lookup(va, access);
            // The lookup would hit prevSlot and succeed: count and touch exactly as it would. Both
            // pages stay where they are (only which is current would change, and no figure reads that).
            stats.dataHits++;
            dataTlb.touch(prevSlot);
            return va + prevDelta;
        }
        LastPage prev = fetchPrev;
        if ((va >>> pageBits) != prev.vpn || (prev.allow & (1 << access)) == 0) return lookup(va, access);
        // The lookup would hit prev.slot and succeed: count and touch exactly as it would.
        long vpn = prev.vpn, delta = prev.delta;
        int slot = prev.slot, allow = prev.allow;
        if (fetch) {
            stats.fetchHits++;
            fetchTlb.touch(slot);
        } else {
            stats.dataHits++;
            dataTlb.touch(slot);
        }
        makeCurrent(fetch, vpn, delta, slot, allow);
        return va + delta;
    }

    private long lookup(long va, int access) {
        if (rootPa < 0 || !geometry.representable(va)) return fault(va, access, FaultCause.OUT_OF_RANGE);
        boolean fetch = access == Access.FETCH;
        Tlb tlb = fetch ? fetchTlb : dataTlb;
        long vpn = (va & vaMask) >>> pageBits;
        if (everyLookup) listener.lookup(va, access);
        int slot = tlb.find(vpn, asid);
        if (slot < 0) {
            if (fetch) stats.fetchMisses++; else stats.dataMisses++;
            if (listener != null) listener.tlbMiss(va, access);
            return miss(va, vpn, access, tlb);
        }
        if (fetch) stats.fetchHits++; else stats.dataHits++;
        tlb.touch(slot);
        int perms = tlb.perms(slot);
        if ((perms & need(access)) == 0 || (perms & Pte.U) == 0) return fault(va, access, FaultCause.PROTECTION);
        if (access == Access.STORE && (perms & Pte.D) == 0) return dirtyWalk(va, vpn, tlb, slot);
        long paBase = tlb.ppnFor(slot, vpn) << pageBits;
        // Only a superpage entry reaches past what its walk checked.
        if (paBase + pageMask >= memSize) return fault(va, access, FaultCause.PROTECTION);
        remember(va, access, paBase, tlb, slot, perms);
        return paBase | (va & pageMask);
    }

    private long miss(long va, long vpn, int access, Tlb tlb) {
        long pa = walker.walk(rootPa, va, access);
        if (listener != null) walker.report(listener, va, access, pa == FAULT);
        if (pa == FAULT) return fault(va, access, walker.cause());
        int slot = tlb.victim(vpn, Tlb.spanIndexOfLevel(geometry, walker.leafLevel()));
        if (slot >= 0) {
            if (tlb.valid(slot)) stats.evictions++;
            fillFromWalk(tlb, slot, vpn);
            remember(va, access, pa & ~pageMask, tlb, slot, tlb.perms(slot));
        }
        return pa;
    }

    /** A store hit a clean entry: walk again to set D, and refresh the entry from what the walk found. */
    private long dirtyWalk(long va, long vpn, Tlb tlb, int slot) {
        stats.dirtyWalks++;
        forgetSlot(tlb, slot);
        long pa = walker.walk(rootPa, va, Access.STORE);
        if (listener != null) walker.report(listener, va, Access.STORE, pa == FAULT);
        if (pa == FAULT) {
            tlb.drop(slot);
            if (everyLookup) listener.invalidatedPage(va, asid);
            return fault(va, Access.STORE, walker.cause());
        }
        int s = Tlb.spanIndexOfLevel(geometry, walker.leafLevel());
        if (s == tlb.spanIndex(slot)) {
            tlb.update(slot, asidTag(walker.leafPte()), Pte.ppn(walker.leafPte()), (int) (walker.leafPte() & 0xff));
        } else {
            // The table now maps this page at another size (changed without an sfence). Drop every
            // entry for the page so that the new one is its only match, then place it afresh.
            forgetLastPages();
            tlb.dropPage(vpn, asid);
            slot = tlb.victim(vpn, s);
            if (tlb.valid(slot)) stats.evictions++;
            fillFromWalk(tlb, slot, vpn);
        }
        remember(va, Access.STORE, pa & ~pageMask, tlb, slot, tlb.perms(slot));
        return pa;
    }

    private void fillFromWalk(Tlb tlb, int slot, long vpn) {
        long pte = walker.leafPte();
        forgetSlot(tlb, slot);
        tlb.fill(slot, vpn, Tlb.spanIndexOfLevel(geometry, walker.leafLevel()), asidTag(pte), Pte.ppn(pte), (int) (pte & 0xff));
    }

    private int asidTag(long pte) {
        return tlbConfig.asidTagged() && (pte & Pte.G) != 0 ? Tlb.ANY_ASID : asid;
    }

    private static long need(int access) {
        return access == Access.FETCH ? Pte.X : access == Access.STORE ? Pte.W : Pte.R;
    }

    private void remember(long va, int access, long paBase, Tlb tlb, int slot, int perms) {
        if (!fastPath) return;
        int allow = 0;
        if ((perms & Pte.U) != 0) {
            if ((perms & Pte.X) != 0) allow |= 1 << Access.FETCH;
            if ((perms & Pte.R) != 0) allow |= 1 << Access.LOAD;
            if ((perms & Pte.W) != 0 && (perms & Pte.D) != 0) allow |= 1 << Access.STORE;
        }
        makeCurrent(access == Access.FETCH, va >>> pageBits, paBase - (va & ~pageMask), slot, allow);
    }

    /** Makes a page its side's current one; the old current page (if another) becomes the previous. */
    private void makeCurrent(boolean fetch, long vpn, long delta, int slot, int allow) {
        if (fetch) {
            LastPage prev = fetchPrev;
            if (fetchPage != vpn) {
                if (fetchPage >= 0) prev.set(fetchPage, fetchDelta, fetchSlot, 1 << Access.FETCH);
                else prev.forget();
            }
            if (prev.vpn == vpn) prev.forget();
            fetchPage = (allow & (1 << Access.FETCH)) != 0 ? vpn : -1;
            fetchDelta = delta;
            fetchSlot = slot;
        } else {
            if (dataPage != vpn) {
                if (dataPage >= 0) {
                    prevPage = dataPage;
                    prevDelta = dataDelta;
                    prevSlot = dataSlot;
                    prevAllow = dataAllow;
                    prevChunk = dataChunk;
                    prevChunkIndex = dataChunkIndex;
                    prevLoadChunk = loadChunk;
                    prevStoreChunk = storeChunk;
                } else {
                    forgetPrev();
                }
            }
            if (prevPage == vpn) forgetPrev();
            dataPage = vpn;
            dataAllow = allow;
            loadPage = (allow & (1 << Access.LOAD)) != 0 ? vpn : -1;
            storePage = (allow & (1 << Access.STORE)) != 0 ? vpn : -1;
            dataDelta = delta;
            dataSlot = slot;
            chunkFor(vpn, delta, allow);
        }
    }

    /**
     * The current data page's chunk for {@link #loadChunk} and {@link #storeChunk}. A page that
     * grants stores has been stored to (D is set only by a store), so its chunk is made now if
     * it is not yet; a page only read keeps the shared zeros until something writes it, and is
     * then not served by chunk (its chunk may be made behind our back).
     */
    private void chunkFor(long vpn, long delta, int allow) {
        boolean loads = (allow & (1 << Access.LOAD)) != 0, stores = (allow & (1 << Access.STORE)) != 0;
        loadChunk = storeChunk = -1;
        dataChunk = null;
        if (!chunkPages || !(loads || stores)) return;
        long pa = (vpn << pageBits) + delta;
        dataChunk = stores ? memory.writable(pa) : memory.madeChunk(pa);
        dataChunkIndex = (int) (pa >>> PhysicalMemory.CHUNK_BITS);
        if (dataChunk == null) return;
        if (loads) loadChunk = vpn;
        if (stores) storeChunk = vpn;
    }

    /** {@code slot} of {@code tlb} is about to change: forget every remembered page it holds. */
    private void forgetSlot(Tlb tlb, int slot) {
        if (tlb == fetchTlb) {
            if (fetchSlot == slot) forgetFetch();
            if (fetchPrev.slot == slot) fetchPrev.forget();
        }
        if (tlb == dataTlb) {
            if (dataSlot == slot) forgetData();
            if (prevSlot == slot) forgetPrev();
        }
    }

    private void forgetFetch() { fetchPage = -1; }

    private void forgetData() {
        dataPage = loadPage = storePage = loadChunk = storeChunk = -1;
        dataAllow = 0;
        dataChunk = null;
    }

    private void forgetPrev() {
        prevPage = prevLoadChunk = prevStoreChunk = -1;
        prevAllow = 0;
        prevChunk = null;
    }

    private void forgetLastPages() {
        forgetFetch();
        forgetData();
        fetchPrev.forget();
        forgetPrev();
    }

    private void flushTlbs() {
        if (everyLookup) listener.invalidatedAll(-1);
        forgetLastPages();
        fetchTlb.flush();
        dataTlb.flush();
    }

    private long fault(long va, int access, FaultCause cause) {
        faultAddress = va;
        faultAccess = access;
        faultCause = cause;
        stats.faults[cause.ordinal()]++;
        return FAULT;
    }
}
