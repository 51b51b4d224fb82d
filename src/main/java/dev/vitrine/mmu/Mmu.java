package dev.vitrine.mmu;

/**
 * The memory-management unit of one hart: translate a virtual address for a fetch, load
 * or store through the TLB and, on a miss, a walk of the page tables in physical memory.
 * Hardware sets A on any access and D on a store. A refused translation returns
 * {@link #FAULT} and leaves the reason in {@link #faultAddress()}, {@link #faultAccess()}
 * and {@link #faultCause()}; the hart turns that into a page-fault trap.
 *
 * <p>Placeholder walker without a TLB model: the mmu helper replaces it.
 */
public final class Mmu {
    public static final long FAULT = -1L;

    private final Geometry geometry;
    private final PhysicalMemory memory;
    private final TlbConfig tlbConfig;
    private final MmuStats stats = new MmuStats();
    private long rootPa = -1;
    private int asid;

    private long faultAddress;
    private int faultAccess;
    private FaultCause faultCause;

    public Mmu(Geometry geometry, PhysicalMemory memory, TlbConfig tlbConfig) {
        this.geometry = geometry;
        this.memory = memory;
        this.tlbConfig = tlbConfig;
    }

    public Geometry geometry() { return geometry; }
    public PhysicalMemory memory() { return memory; }
    public TlbConfig tlbConfig() { return tlbConfig; }
    public MmuStats stats() { return stats; }

    /** Like writing satp: the root table's physical address and the address space's id. */
    public void setRoot(long rootPa, int asid) {
        this.rootPa = rootPa;
        this.asid = asid;
    }

    public long root() { return rootPa; }
    public int asid() { return asid; }

    /** sfence.vma for one page of the current address space. */
    public void invalidatePage(long va) {}

    /** sfence.vma for everything. */
    public void invalidateAll() {}

    public long faultAddress() { return faultAddress; }
    public int faultAccess() { return faultAccess; }
    public FaultCause faultCause() { return faultCause; }

    /** Physical address for {@code va}, or {@link #FAULT}. */
    public long translate(long va, int access) {
        if (!geometry.representable(va) || rootPa < 0) return fault(va, access, FaultCause.OUT_OF_RANGE);
        stats.walks++;
        long table = rootPa;
        int pteBytes = geometry.pteBytes();
        for (int level = 0; level < geometry.levels(); level++) {
            long ptePa = table + geometry.index(va, level) * pteBytes;
            long pte = memory.readPte(ptePa, pteBytes);
            stats.pteReads++;
            if (!Pte.valid(pte)) return fault(va, access, FaultCause.NOT_PRESENT);
            if (!Pte.leaf(pte)) {
                table = Pte.ppn(pte) << geometry.pageBits();
                continue;
            }
            if (level != geometry.levels() - 1) return fault(va, access, FaultCause.PROTECTION);
            long need = switch (access) { case Access.FETCH -> Pte.X; case Access.STORE -> Pte.W; default -> Pte.R; };
            if ((pte & need) == 0 || (pte & Pte.U) == 0) return fault(va, access, FaultCause.PROTECTION);
            long set = Pte.A | (access == Access.STORE ? Pte.D : 0);
            if ((pte & set) != set) {
                memory.writePte(ptePa, pteBytes, pte | set);
                stats.pteWrites++;
            }
            return (Pte.ppn(pte) << geometry.pageBits()) | geometry.offset(va);
        }
        return fault(va, access, FaultCause.NOT_PRESENT);
    }

    private long fault(long va, int access, FaultCause cause) {
        faultAddress = va;
        faultAccess = access;
        faultCause = cause;
        stats.faults[cause.ordinal()]++;
        return FAULT;
    }
}
