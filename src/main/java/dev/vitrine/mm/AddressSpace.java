package dev.vitrine.mm;

import dev.vitrine.abi.Rlimit;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A process's memory: a set of VMAs over a page table. Nothing is mapped until touched;
 * the fault handler fills pages in (Linux's handle_mm_fault for our VMAs).
 */
public final class AddressSpace {
    /** Linux's stack_guard_gap: 256 pages kept free below a growing stack. */
    private static final long STACK_GUARD_PAGES = 256;
    /** vm.max_map_count's default (DEFAULT_MAX_MAP_COUNT). */
    public static final int MAX_MAP_COUNT = 65530;
    /** The getrlimit resources this space obeys, by Linux's numbers; RLIM_INFINITY is -1 (unsigned max). */
    /** Linux's VM_LOCKED: mlock and MAP_LOCKED; such pages are never evicted. */
    public static final int LOCKED = Prot.MAP_LOCKED;

    private final Geometry geometry;
    private final FrameAllocator frames;
    private final PhysicalMemory memory;
    private final PageTable table;
    private final TreeMap<Long, Vma> vmas = new TreeMap<>();
    private final MemStats stats = new MemStats();
    private final long pageSize;
    private final Layout layout;
    private final Pager pager;
    private Shootdown shootdown = Shootdown.NONE;
    private long brkStart, brk;
    /** The owning process's soft limits (getrlimit's rlim_cur by resource number). */
    private java.util.function.IntToLongFunction limits = AddressSpace::defaultLimit;
    /** Pages of all areas (Linux's total_vm), of private writable ones (data_vm), of locked ones (locked_vm). */
    private long totalVm, dataVm, lockedVm;
    /** Linux's hiwater_vm: total_vm noted before each area leaves (VmPeak shows the larger of it and total_vm). */
    private long peakVm;
    /** Files whose areas left the tree during the operation in progress; told at {@link #settle}. */
    private final List<MappedFile> unmapped = new ArrayList<>();
    /** mlockall(MCL_FUTURE): new areas are locked. */
    private boolean lockFuture;
    /** Linux's old free_area_cache: the top-down search may start here, since no hole above it is as large as {@code holeAboveCache}. */
    private long freeCache = -1, holeAboveCache;

    /** How the kernel tells the MMU that a translation it may have cached changed (sfence.vma). */
    public interface Shootdown {
        Shootdown NONE = new Shootdown() {
            public void page(long va) {}
            public void all() {}
        };
        void page(long va);
        void all();
    }

    /** Where the stack and the mmap area go for a geometry. */
    public record Layout(long stackTop, long mmapBase) {
        public static Layout of(Geometry g) {
            // 32-bit geometries get the classic 3 GiB user split; RISC-V modes their lower half.
            long top = g.vaBits() == 32 ? 0xC000_0000L : g.userTop();
            // Linux's mmap_base: below the stack's rlimit and a gap, at least 128 MiB.
            long gap = Math.min(128L << 20, top / 4);
            return new Layout(top, top - gap);
        }
    }

    /**
     * The program this space was exec'd from (Linux's mm->exe_file): while a live space names it,
     * the file refuses writers with ETXTBSY (deny_write_access), since its pages are this space's text.
     */
    private MappedFile exeFile;

    public MappedFile exeFile() { return exeFile; }
    public void setExeFile(MappedFile f) { exeFile = f; }

    private AddressSpace(Geometry g, FrameAllocator frames, PageTable table) {
        this.geometry = g;
        this.frames = frames;
        this.memory = frames.memory();
        this.table = table;
        this.pageSize = g.pageSize();
        this.layout = Layout.of(g);
        this.pager = frames.pager();
    }

    /** A new empty address space, or null when there is no frame for its root table. */
    public static AddressSpace create(Geometry g, FrameAllocator frames) {
        PageTable t = PageTable.create(g, frames);
        return t == null ? null : new AddressSpace(g, frames, t);
    }

    public void setShootdown(Shootdown s) { shootdown = s; }
    public Geometry geometry() { return geometry; }
    public PageTable pageTable() { return table; }
    public MemStats stats() { return stats; }
    public Layout layout() { return layout; }
    public long pageSize() { return pageSize; }
    public FrameAllocator frames() { return frames; }
    public List<Vma> vmas() { return List.copyOf(vmas.values()); }
    /** The areas that overlap [start, end), in address order. */
    public List<Vma> vmas(long start, long end) {
        Long from = vmas.floorKey(start);
        List<Vma> out = new ArrayList<>();
        for (Vma v : vmas.subMap(from == null ? start : from, true, end, false).values()) if (v.end() > start) out.add(v);
        return List.copyOf(out);
    }
    public long brk() { return brk; }
    public long brkStart() { return brkStart; }
    /** The process's rlimits from now on (proc installs its own; fork and exec keep the process's). */
    public void setLimits(java.util.function.IntToLongFunction l) { limits = l; }
    public long limit(int resource) { return limits.applyAsLong(resource); }

    /** Whether the owner may lock past RLIMIT_MEMLOCK (CAP_IPC_LOCK; proc installs the check). */
    private java.util.function.BooleanSupplier lockExempt = () -> false;
    public void setLockExempt(java.util.function.BooleanSupplier b) { lockExempt = b; }
    private static long defaultLimit(int resource) { return resource == Rlimit.STACK ? 8L << 20 : resource == Rlimit.MEMLOCK ? 8L << 20 : -1; }
    /** Whether {@code bytes} exceed a limit (limits are unsigned; RLIM_INFINITY is never exceeded). */
    private boolean over(int resource, long bytes) {
        long l = limit(resource);
        return l != -1 && Long.compareUnsigned(bytes, l) > 0;
    }
    public int mapCount() { return vmas.size(); }
    public long totalVm() { return totalVm; }
    public long lockedVm() { return lockedVm; }
    public long dataVm() { return dataVm; }
    public long peakVm() { return Math.max(peakVm, totalVm); }
    public void setLockFuture(boolean on) { lockFuture = on; }
    public boolean lockFuture() { return lockFuture; }

    public long pageDown(long a) { return a & -pageSize; }
    public long pageUp(long a) { return (a + pageSize - 1) & -pageSize; }

    /** The area {@link #find} found last (Linux's per-thread vmacache): faults come in runs within one area. */
    private Vma lastFound;

    public Vma find(long va) {
        Vma last = lastFound;
        if (last != null && last.contains(va)) return last;
        Map.Entry<Long, Vma> e = vmas.floorEntry(va);
        if (e == null || !e.getValue().contains(va)) return null;
        return lastFound = e.getValue();
    }

    /** True when some VMA overlaps [start, end). */
    public boolean overlaps(long start, long end) {
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        return e != null && e.getValue().end() > start;
    }

    // ---- the VMA tree: every area enters and leaves through these, so the counts stay exact

    private void enter(Vma v) {
        if (v.file() != null) v.file().mapped(+1);
        long pages = v.length() / pageSize;
        totalVm += pages;
        if (isData(v)) dataVm += pages;
        if (locked(v)) lockedVm += pages;
        lastFound = null;
        Vma old = vmas.put(v.start(), v);
        if (old != null) account(old);
    }

    private void leave(Vma v) {
        peakVm = Math.max(peakVm, totalVm);
        lastFound = null;
        vmas.remove(v.start());
        account(v);
        // A hole opened above the search cache: the next search starts at the top again.
        if (v.end() > freeCache) holeAboveCache = Long.MAX_VALUE;
    }

    private void account(Vma old) {
        long pages = old.length() / pageSize;
        totalVm -= pages;
        if (isData(old)) dataVm -= pages;
        if (locked(old)) {
            lockedVm -= pages;
            pager.unlocked();   // its pages may be evictable now
        }
        if (old.file() != null) unmapped.add(old.file());
    }

    /** Linux's is_data_mapping: private, writable, not a stack. */
    private static boolean isData(Vma v) { return (v.prot() & Prot.WRITE) != 0 && !v.shared() && !v.growsDown(); }
    public static boolean locked(Vma v) { return (v.flags() & LOCKED) != 0; }

    /** Ends an operation: files whose areas went hear of it now, after any area that replaced them came in. */
    void settle() {
        for (int i = 0; i < unmapped.size(); i++) unmapped.get(i).mapped(-1);
        unmapped.clear();
        accountVmas();
    }

    /**
     * A vm_area_struct is kernel memory too (about 200 bytes in Linux): a page's worth is
     * charged per 32 areas past the first 64, which every process has room for, so that the
     * frames (and every fault and eviction figure) of ordinary programs stay as they were.
     */
    private static final int VMAS_PER_PAGE = 32, FREE_VMAS = 64;
    private long vmaPages;

    private static long vmaPagesFor(long areas) {
        return Math.max(0, areas - FREE_VMAS + VMAS_PER_PAGE - 1) / VMAS_PER_PAGE;
    }

    /** The charge follows the tree; an area that came in anyway (exec, a stack step) is an overdraft of at most a page. */
    private void accountVmas() {
        long need = vmaPagesFor(vmas.size());
        KernelMemory km = pager.kernelMemory();
        for (; vmaPages < need; vmaPages++) if (!km.charge()) km.overdraw();
        if (vmaPages > need) {
            km.uncharge(vmaPages - need);
            vmaPages = need;
        }
    }

    /** Before an operation that adds up to two areas: the memory for them, or false (ENOMEM). */
    public boolean vmaRoom() {
        long need = vmaPagesFor(vmas.size() + 2);
        KernelMemory km = pager.kernelMemory();
        for (; vmaPages < need; vmaPages++) if (!km.charge()) return false;
        return true;
    }

    // ---- building the image (exec)

    /** Adds a VMA over a range that must be free. */
    public void insert(Vma v) {
        if (overlaps(v.start(), v.end())) throw new IllegalStateException("overlapping VMA " + v);
        enter(v);
        accountVmas();
    }

    public void setBrk(long start) { brkStart = brk = start; }

    // ---- page faults

    /** Linux's MAX_RECLAIM_RETRIES: this many faults in a row with no instruction retired is no progress. */
    private static final int STALLED_FAULTS = 16;
    private long lastFaultInstret = -1;
    private int faultsWithoutProgress;

    /** Counts a handled fault at instruction count {@code instret}; true once the faults go nowhere (then OOM). */
    public boolean stalled(long instret) {
        faultsWithoutProgress = instret == lastFaultInstret ? faultsWithoutProgress + 1 : 0;
        lastFaultInstret = instret;
        return faultsWithoutProgress >= STALLED_FAULTS;
    }

    /** Handles a fault at {@code va} for {@code access} ({@link Access}); the MMU retries after HANDLED. */
    public Fault fault(long va, int access) {
        dev.vitrine.trace.Tracer tr = pager().tracer();
        if (!tr.on(dev.vitrine.trace.Category.FAULT)) {
            Fault f = PageFault.handle(this, va, access);
            reportRss(tr);
            return f;
        }
        long minor = stats.minorFaults, major = stats.majorFaults, cow = stats.cowCopies, swapIns = stats.swapIns;
        Vma v = find(va);
        Fault f = PageFault.handle(this, va, access);
        // A refused fault is reported by whoever turns it into a signal or EFAULT.
        if (f != Fault.HANDLED && f != Fault.OOM) return f;
        String kind = stats.majorFaults != major ? "major" : stats.minorFaults != minor ? "minor"
                : f == Fault.OOM ? "none" : stats.cowCopies != cow || access == dev.vitrine.mmu.Access.STORE ? "protection" : "spurious";
        String how = f == Fault.OOM ? "oom"
                : stats.swapIns != swapIns ? "swap-in"
                : stats.cowCopies != cow ? "cow-copy"
                : kind.equals("major") ? "file-read"
                : kind.equals("minor") ? (v != null && !v.anonymous() ? "page-cache" : "zero-fill")
                : kind.equals("protection") ? "write-enable" : "retry";
        tr.emit(new dev.vitrine.trace.Event.Fault(tr.ns(), tr.pid(), tr.tid(), va, dev.vitrine.mmu.Access.name(access), kind, how));
        reportRss(tr);
        return f;
    }

    /** PTE bits for a protection: W without R is reserved on RISC-V, so PROT_WRITE maps read+write. */
    public static long pteBits(int prot) {
        long bits = Pte.V | Pte.U;
        if ((prot & (Prot.READ | Prot.WRITE)) != 0) bits |= Pte.R;
        if ((prot & Prot.WRITE) != 0) bits |= Pte.W;
        if ((prot & Prot.EXEC) != 0) bits |= Pte.X;
        return prot == Prot.NONE ? 0 : bits;
    }

    // ---- PTEs and the reverse map: every leaf that points at a frame is set and cleared here

    Pager pager() { return pager; }
    Shootdown shootdown() { return shootdown; }

    void install(long ptePa, long va, long frame, long bits) {
        table.set(ptePa, Pte.make(frame, bits));
        pager.rmap.add(frame, this, va);
        rssChange(+1);
    }

    /** Frames this table maps now and at most so far (Linux's rss counters and hiwater_rss, VmHWM). */
    private long rss, peakRss;
    /** The resident pages the trace last heard of, so a timeline's counter changes only when rss does. */
    private long rssReported;

    /** Tells the trace this space's resident pages if they changed since it last heard; the running task is this space's. */
    public void reportRss(dev.vitrine.trace.Tracer tr) { reportRss(tr, tr.pid(), tr.tid()); }

    /** The same for a space whose owner is named: an exiting process's, after its pages went. */
    public void reportRss(dev.vitrine.trace.Tracer tr, int pid, int tid) {
        if (rss == rssReported || !tr.on(dev.vitrine.trace.Category.COUNTER)) return;
        rssReported = rss;
        tr.emit(new dev.vitrine.trace.Event.Rss(tr.ns(), pid, tid, rss));
    }

    private void rssChange(int delta) {
        rss += delta;
        peakRss = Math.max(peakRss, rss);
        frames.totals().mapped(delta);
    }

    /** Swap entries in this table now and at most so far (Linux's MM_SWAPENTS; VmSwap's peak). */
    private long swapped, peakSwapped;

    void swappedChange(int delta) {
        swapped += delta;
        peakSwapped = Math.max(peakSwapped, swapped);
    }

    /** The most pages of this space that were on swap at once. */
    public long peakSwapped() { return peakSwapped; }

    /** Mappings of this space whose frame another space maps too, now and at most so far (kept by the rmap). */
    private long shared, peakShared;

    void sharedChange(long delta) {
        shared += delta;
        peakShared = Math.max(peakShared, shared);
    }

    /** The most pages of this space that were shared with another space at once. */
    public long peakShared() { return peakShared; }

    /** The most frames this space has mapped at once (VmHWM). */
    public long peakResident() { return Math.max(peakRss, rss); }

    /** Frames this table maps now, from the counter (no walk): what residentPages() counts. */
    public long residentNow() { return rss; }

    /** Shared and swapped pages now, from the counters (no walk): what sharedPages() and swappedPages() count. */
    public long sharedNow() { return shared; }
    public long swappedNow() { return swapped; }

    /** Forgets the mapping of {@code frame} at {@code va} and its reference (the PTE is about to be rewritten). */
    void uninstall(long va, long frame) {
        pager.rmap.remove(frame, this, va);
        frames.decRef(frame);
        rssChange(-1);
    }

    /** Clears one leaf: a frame loses this mapping (dirty shared file pages are written back), a swap slot one name. */
    private void clearLeaf(long va, long ptePa, long pte) {
        table.set(ptePa, 0);
        if (PageTable.isSwap(pte)) {
            pager.swap().put((int) Pte.ppn(pte));
            swappedChange(-1);
            return;
        }
        long f = Pte.ppn(pte);
        if ((pte & Pte.D) != 0 && pager.cacheOwner(f) != null) pager.writeBack(f, this);
        uninstall(va, f);
        if (Pte.valid(pte)) shootdown.page(va);
    }

    /** Reclaim: the page at {@code va} now lives in swap slot {@code slot}. */
    void swapOut(long va, long frame, int slot) {
        long ptePa = table.walk(va, false);
        long pte = table.read(ptePa);
        table.set(ptePa, PageTable.swapEntry(slot, pte));
        swappedChange(+1);
        uninstall(va, frame);
        if (Pte.valid(pte)) shootdown.page(va);
        stats.swapOuts++;
    }

    /** Reclaim or truncate: the page-cache page at {@code va} leaves this table; returns whether it was dirty. */
    boolean unmapPage(long va, boolean keepDirt) {
        long ptePa = table.walk(va, false);
        long pte = table.read(ptePa);
        table.set(ptePa, 0);
        uninstall(va, Pte.ppn(pte));
        if (Pte.valid(pte)) shootdown.page(va);
        return keepDirt && (pte & Pte.D) != 0;
    }

    /** Clock's look at the A bit of the page at {@code va}; clearing it needs a shootdown, the TLB caches it. */
    boolean testAndClearAccessed(long va) { return testAndClear(va, Pte.A); }

    boolean testAndClearDirty(long va) { return testAndClear(va, Pte.D); }

    private boolean testAndClear(long va, long bit) {
        long ptePa = table.walk(va, false);
        if (ptePa < 0) return false;
        long pte = table.read(ptePa);
        if ((pte & bit) == 0) return false;
        table.set(ptePa, pte & ~bit);
        if (Pte.valid(pte)) shootdown.page(va);
        return true;
    }

    /** A fault just below a MAP_GROWSDOWN area within the stack limit extends it (Linux's expand_stack). */
    Vma growStack(long va) {
        Map.Entry<Long, Vma> above = vmas.higherEntry(va);
        if (above == null || !above.getValue().growsDown()) return null;
        Vma s = above.getValue();
        long newStart = pageDown(va);
        // Linux's acct_stack_growth: the stack rlimit (unsigned: RLIM_INFINITY never stops it), RLIMIT_AS, the guard gap.
        if (over(Rlimit.STACK, s.end() - newStart)) return null;
        long more = s.start() - newStart;
        if (over(Rlimit.AS, (totalVm * pageSize) + more)) return null;
        if (locked(s) && !lockExempt.getAsBoolean() && over(Rlimit.MEMLOCK, lockedVm * pageSize + more)) return null;
        Map.Entry<Long, Vma> below = vmas.lowerEntry(newStart);
        if (below != null && newStart - below.getValue().end() < STACK_GUARD_PAGES * pageSize) return null;
        if (newStart < pageSize) return null;
        Vma grown = new Vma(newStart, s.end(), s.prot(), s.flags(), s.file(), s.offset(), s.fileLimit(), s.name());
        leave(s);
        enter(grown);
        settle();
        return grown;
    }

    // ---- mmap, munmap, mprotect, brk

    /** A free range of {@code len} bytes, searched top-down from the mmap base; -1 if none. */
    public long findFree(long len) {
        long base = layout.mmapBase();
        // Searching from the top every time is quadratic in the number of areas; Linux 2.6's
        // free_area_cache: start where the last search ended when no hole above it could fit.
        boolean fromCache = freeCache >= 0 && len > holeAboveCache;
        long top = fromCache ? freeCache : base;
        long largest = fromCache ? holeAboveCache : 0;
        for (Vma v : vmas.headMap(top, false).descendingMap().values()) {
            if (v.end() + len <= top) break;
            if (v.end() < top) largest = Math.max(largest, top - v.end());
            top = Math.min(top, v.start());
        }
        long start = top - len;
        long low = brkStart + pageSize;
        if (Long.compareUnsigned(len, top) > 0 || start < low || overlaps(start, top)) return -1;
        freeCache = top;
        holeAboveCache = largest;
        return start;
    }

    /** Maps {@code v}, replacing whatever was there (MAP_FIXED semantics). */
    public void map(Vma v) {
        cut(v.start(), v.end());
        zap(v.start(), v.end());
        if (lockFuture) v = new Vma(v.start(), v.end(), v.prot(), v.flags() | LOCKED, v.file(), v.offset(), v.fileLimit(), v.name());
        enter(v);
        merge(v.start());
        settle();
    }

    /**
     * The area at {@code start} joins its neighbours where Linux's vma_merge would: adjacent,
     * same protection, flags, name and backing, file offsets continuous. 80,000 small mmaps
     * are then one area, as on Linux, and stay well under vm.max_map_count.
     */
    void merge(long start) {
        Vma v = vmas.get(start);
        if (v == null) return;
        Map.Entry<Long, Vma> prev = vmas.lowerEntry(start);
        if (prev != null && mergeable(prev.getValue(), v)) {
            Vma p = prev.getValue();
            leave(p);
            leave(v);
            enter(v = new Vma(p.start(), v.end(), p.prot(), p.flags(), p.file(), p.offset(), p.fileLimit(), p.name()));
        }
        Vma next = vmas.get(v.end());
        if (next != null && mergeable(v, next)) {
            leave(v);
            leave(next);
            enter(new Vma(v.start(), next.end(), v.prot(), v.flags(), v.file(), v.offset(), v.fileLimit(), v.name()));
        }
    }

    /** Flags that do not become VM_* bits, so areas differing only in them still merge. */
    private static final int UNMERGED_FLAGS = Prot.MAP_DENYWRITE | Prot.MAP_EXECUTABLE | Prot.MAP_NONBLOCK | Prot.MAP_NORESERVE;

    private static boolean mergeable(Vma a, Vma b) {
        if (a.end() != b.start() || a.prot() != b.prot() || a.file() != b.file() || !a.name().equals(b.name())) return false;
        if ((a.flags() & ~UNMERGED_FLAGS) != (b.flags() & ~UNMERGED_FLAGS) || a.growsDown() || a.fileLimit() != b.fileLimit()) return false;
        // Shared anonymous areas are each their own object; a file's offsets must run on.
        return a.file() == null ? !a.shared() : a.offset() + a.length() == b.offset();
    }

    /** Removes [start, end) from every VMA, splitting those that straddle it, and frees the pages. */
    public void unmap(long start, long end) {
        cut(start, end);
        zap(start, end);
        settle();
    }

    /** How many areas the tree would hold after taking [start, end) out: one more for each area split in two. */
    public int countAfterCut(long start, long end) {
        int n = vmas.size();
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        while (e != null && e.getValue().end() > start) {
            Vma v = e.getValue();
            n += (v.start() < start ? 1 : 0) + (v.end() > end ? 1 : 0) - 1;
            e = vmas.lowerEntry(e.getKey());
        }
        return n;
    }

    /** Pages of [start, end) that some area maps now (what a MAP_FIXED mapping there replaces). */
    public long mappedPages(long start, long end) {
        long n = 0;
        for (Vma v : vmas(start, end)) n += Math.min(end, v.end()) - Math.max(start, v.start());
        return n / pageSize;
    }

    /**
     * Linux's may_expand_vm and the overcommit heuristic for a new area of {@code bytes}
     * replacing {@code replaced} pages: false when RLIMIT_AS, RLIMIT_DATA (for a data
     * mapping) or the machine's RAM plus swap would be exceeded (ENOMEM).
     */
    public boolean mayExpand(long bytes, long replaced, boolean data) {
        long pages = bytes / pageSize - replaced;
        if (over(Rlimit.AS, (totalVm + pages) * pageSize)) return false;
        if (data && over(Rlimit.DATA, (dataVm + pages) * pageSize)) return false;
        return Long.compareUnsigned(bytes / pageSize, frames.total() + pager.swap().slots()) <= 0;
    }

    /** The overcommit heuristic alone: {@code pages} are no more than the machine's RAM plus swap. */
    public boolean fitsMachine(long pages) { return Long.compareUnsigned(pages, frames.total() + pager.swap().slots()) <= 0; }

    /** mlock's RLIMIT_MEMLOCK check: {@code more} bytes locked on top of what is; CAP_IPC_LOCK lifts it (mlock_future_ok). */
    public boolean mayLock(long more) { return lockExempt.getAsBoolean() || !over(Rlimit.MEMLOCK, lockedVm * pageSize + more); }

    /** Whether the page at {@code va} lies in a locked area (reclaim leaves it alone). */
    boolean lockedAt(long va) {
        Vma v = find(va);
        return v != null && locked(v);
    }

    /** Takes [start, end) out of the VMA tree, splitting areas that straddle it; the pages stay. */
    void cut(long start, long end) {
        List<Vma> hit = new ArrayList<>();
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        while (e != null && e.getValue().end() > start) {
            hit.add(e.getValue());
            e = vmas.lowerEntry(e.getKey());
        }
        for (Vma v : hit) {
            leave(v);
            if (v.start() < start) enter(v.slice(v.start(), start));
            if (v.end() > end) enter(v.slice(end, v.end()));
        }
    }

    /** Puts an area into a range that {@link #cut} just cleared. */
    void put(Vma v) { enter(v); }

    /** Drops the pages of [start, end): frames lose a reference, PTEs clear, the TLB forgets them. */
    public void zap(long start, long end) {
        table.visit(start, end, (va, ptePa, pte) -> {
            if (va >= start && va < end) clearLeaf(va, ptePa, pte);
        });
    }

    /** Changes the protection of [start, end), which must be fully mapped; false if a hole (ENOMEM). */
    public boolean protect(long start, long end, int prot) {
        return change(start, end, v -> v.withProt(prot)) && repte(start, end, prot);
    }

    /**
     * Gives [start, end), which must be fully mapped, new attributes area by area, splitting
     * the areas at the ends and merging again where Linux would; false if a hole (ENOMEM).
     */
    public boolean change(long start, long end, java.util.function.UnaryOperator<Vma> how) {
        for (long a = start; a < end; ) {
            Vma v = find(a);
            if (v == null) return false;
            a = v.end();
        }
        List<Vma> hit = new ArrayList<>();
        Map.Entry<Long, Vma> e = vmas.lowerEntry(end);
        while (e != null && e.getValue().end() > start) {
            hit.add(e.getValue());
            e = vmas.lowerEntry(e.getKey());
        }
        List<Long> changed = new ArrayList<>();
        for (Vma v : hit) {
            leave(v);
            if (v.start() < start) enter(v.slice(v.start(), start));
            Vma mid = how.apply(v.slice(start, end));
            enter(mid);
            changed.add(mid.start());
            if (v.end() > end) enter(v.slice(end, v.end()));
        }
        // Each changed area may now join its neighbours; one that joined the area before it is gone from the tree.
        for (long c : changed) if (vmas.containsKey(c)) merge(c);
        settle();
        return true;
    }

    /** The PTEs of [start, end) take protection {@code prot}. */
    private boolean repte(long start, long end, int prot) {
        long bits = pteBits(prot);
        table.visit(start, end, (va, ptePa, pte) -> {
            if (va < start || va >= end) return;
            if (PageTable.isSwap(pte)) {
                table.set(ptePa, PageTable.swapEntry(Pte.ppn(pte), prot == Prot.NONE ? PageTable.PROT_NONE : 0));
                return;
            }
            long keep = pte & (Pte.A | Pte.D | Pte.G);
            long nb = bits;
            // A shared frame stays read-only until its copy-on-write fault.
            if (frames.refCount(Pte.ppn(pte)) > 1 && !find(va).shared()) nb &= ~Pte.W;
            // PROT_NONE keeps the frame (and A/D: a dirty shared page stays dirty) but clears V.
            table.set(ptePa, Pte.make(Pte.ppn(pte), nb == 0 ? PageTable.PROT_NONE | (keep & (Pte.A | Pte.D)) : nb | keep));
            if (Pte.valid(pte)) shootdown.page(va);
        });
        return true;
    }

    /**
     * Linux's brk: moves the break if the new one does not run into another mapping;
     * returns the break in force afterwards.
     */
    public long setProgramBreak(long newBrk) {
        if (newBrk < brkStart) return brk;
        long oldEnd = pageUp(brk), newEnd = pageUp(newBrk);
        if (newEnd > oldEnd) {
            if (overlaps(oldEnd, newEnd + pageSize)) return brk;
            // Linux's brk: RLIMIT_DATA bounds the heap, may_expand_vm RLIMIT_AS.
            if (over(Rlimit.DATA, newBrk - brkStart) || !mayExpand(newEnd - oldEnd, 0, false)) return brk;
            Vma heap = find(brkStart) != null && brkStart < oldEnd ? find(brkStart) : null;
            if (heap != null) leave(heap);
            int flags = Prot.MAP_PRIVATE | (lockFuture ? LOCKED : 0);
            enter(Vma.anonymous(brkStart, newEnd, Prot.READ | Prot.WRITE, flags, "[heap]"));
        } else if (newEnd < oldEnd) {
            unmap(newEnd, oldEnd);
            if (newEnd > brkStart)
                enter(Vma.anonymous(brkStart, newEnd, Prot.READ | Prot.WRITE, Prot.MAP_PRIVATE, "[heap]"));
        }
        settle();
        brk = newBrk;
        return brk;
    }

    /** The leaves of [start, end) as the kernel knows them (present, PROT_NONE, swapped), in address order. */
    public void pages(long start, long end, java.util.function.Consumer<PageInfo> out) {
        table.visit(start, end, (va, ptePa, pte) -> { if (va >= start && va < end) out.accept(info(va, pte)); });
    }

    /** The leaf at {@code va}'s page, or null when the table has none there. */
    public PageInfo page(long va) {
        long pte = table.get(pageDown(va));
        return PageTable.holdsFrame(pte) || PageTable.isSwap(pte) ? info(pageDown(va), pte) : null;
    }

    private PageInfo info(long va, long pte) {
        Vma v = find(va);
        boolean shmem = v != null && v.file() instanceof ShmemFile;
        if (PageTable.isSwap(pte)) {
            int slot = (int) Pte.ppn(pte);
            return new PageInfo(va, pte, v, -1, slot, 0, pager.swap().count(slot), false, shmem, 0);
        }
        long f = Pte.ppn(pte);
        return new PageInfo(va, pte, v, f, -1, pager.rmap.count(f), 0, pager.inPageCache(f), shmem, frames.refCount(f));
    }

    /** Frames mapped in this address space (its resident set). */
    public long residentPages() {
        long[] n = {0};
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> { if (PageTable.holdsFrame(pte)) n[0]++; });
        return n[0];
    }

    /**
     * The resident set split as Linux's mm counters split it: [anonymous, file, shmem]. A
     * frame is shmem in a shared anonymous area, file when it is the file's own page-cache
     * frame, anonymous otherwise (a private copy, zero-fill, stack, heap).
     */
    public long[] residentByKind() {
        long[] n = new long[3];
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> {
            if (!PageTable.holdsFrame(pte)) return;
            Vma v = find(va);
            if (v == null || v.file() == null) n[0]++;
            else if (v.file() instanceof ShmemFile) n[2]++;
            else {
                Long cached = v.file().pages().frame(v.fileOffset(pageDown(va)) / pageSize);
                n[cached != null && cached == Pte.ppn(pte) ? 1 : 0]++;
            }
        });
        return n;
    }

    /** Resident frames that another address space maps too (libc's text, MAP_SHARED areas after fork). */
    public long sharedPages() {
        long[] n = {0};
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> {
            if (PageTable.holdsFrame(pte) && pager.sharedBeyond(Pte.ppn(pte), this)) n[0]++;
        });
        return n[0];
    }

    /** mincore's answer for one page: this table maps a frame there, or the file's page cache holds it. */
    public boolean resident(long va) {
        if (PageTable.holdsFrame(table.get(va))) return true;
        Vma v = find(va);
        return v != null && v.file() != null && v.file().pages().frame(v.fileOffset(pageDown(va)) / pageSize) != null;
    }

    /** msync(MS_SYNC): the dirty pages of shared file mappings in [start, end) go to their files. */
    public int sync(long start, long end) {
        int n = 0;
        for (Vma v : vmas()) {
            if (v.end() <= start || v.start() >= end || !v.shared() || v.file() == null) continue;
            long from = v.fileOffset(Math.max(start, v.start())) / pageSize;
            long to = (v.fileOffset(Math.min(end, v.end())) + pageSize - 1) / pageSize;
            n += v.file().pages().sync(from, to);
        }
        return n;
    }

    /** Pages of this address space now on swap. */
    public long swappedPages() {
        long[] n = {0};
        table.visit(0, -1L >>> 1, (va, ptePa, pte) -> { if (PageTable.isSwap(pte)) n[0]++; });
        return n[0];
    }

    /**
     * fork's copy (Linux's dup_mmap): the same VMAs over a new page table whose leaves point
     * at the same frames, one more reference each (and one more name for each swap slot).
     * Private pages lose W in both tables, so the first store on either side copies; MAP_SHARED
     * pages keep W and stay one frame. Null when there is no frame for a page table (ENOMEM).
     */
    public AddressSpace fork() {
        AddressSpace child = create(geometry, frames);
        if (child == null) return null;
        child.exeFile = exeFile;
        // Locks are not inherited (mlock(2)): the child's areas lose VM_LOCKED.
        for (Vma v : vmas.values())
            child.enter(locked(v) ? new Vma(v.start(), v.end(), v.prot(), v.flags() & ~LOCKED, v.file(), v.offset(), v.fileLimit(), v.name()) : v);
        child.accountVmas();
        child.brkStart = brkStart;
        child.brk = brk;
        child.limits = limits;
        child.lockExempt = lockExempt;
        // Shared anonymous areas are ShmemFile mappings, so untouched pages need nothing here.
        boolean[] stop = {false};
        // One pass over the parent's leaves. Reclaim (for a child table's frame) can only turn
        // a present leaf into a swap entry, which the visit still sees, and never frees a
        // table, so the leaf's address stays good.
        table.visit(0, -1L >>> 1, (va, ptePa, visited) -> {
            if (stop[0]) return;
            // A table for the child may have to evict a page first: read the parent's PTE after.
            long childPte = child.table.walk(va, true);
            if (childPte == PageTable.NO_MEMORY) { stop[0] = true; return; }
            long pte = table.read(ptePa);
            if (PageTable.isSwap(pte)) {
                pager.swap().dup((int) Pte.ppn(pte));
                child.table.set(childPte, pte);
                child.swappedChange(+1);
                return;
            }
            if (!PageTable.holdsFrame(pte)) return;
            long bits = pte;
            Vma v = find(va);
            if (v != null && !v.shared() && (pte & Pte.W) != 0) {
                bits = pte & ~Pte.W;
                table.set(ptePa, bits);
            }
            frames.incRef(Pte.ppn(pte));
            child.table.set(childPte, bits);
            pager.rmap.add(Pte.ppn(pte), child, va);
            child.rssChange(+1);
        });
        shootdown.all();
        if (stop[0]) {
            child.destroy();
            return null;
        }
        return child;
    }

    /** Frees everything: the pages, then the tables. */
    public void destroy() {
        assert swapped == swappedPages() : "swap entries counted " + swapped + ", in the table " + swappedPages();
        // From the counters, not two more walks of the whole table; the tests (-ea) hold them to the walk.
        assert rss == residentPages() : "resident pages counted " + rss + ", in the table " + residentPages();
        assert shared == sharedPages() : "shared pages counted " + shared + ", in the table " + sharedPages();
        stats.residentAtExit = rss;
        stats.sharedAtExit = shared;
        for (Vma v : List.copyOf(vmas.values())) {
            zap(v.start(), v.end());
            leave(v);
        }
        settle();
        table.destroy();
        shootdown.all();
    }
}
