package dev.vitrine.mmu;

import java.util.ArrayList;
import java.util.List;

/**
 * The hardware page-table walker: from the root, read one PTE per level until a leaf.
 * It checks what RISC-V's walk checks (V, the reserved W-without-R encoding, superpage
 * alignment, R/W/X and U, no MXR) and then sets A, and D for a store, in the PTE's bytes
 * (hardware A/D update, like Svadu) - only when the access is allowed.
 *
 * <p>A walker built with stats counts: one walk per {@link #walk} call, one PTE read per
 * entry read, one PTE write per leaf whose A/D bits it had to change (A and D together
 * are one write). A read-only walker ({@link #explain}) touches neither counters nor memory.
 *
 * <p>Malformed tables the kernel should never build fault as PROTECTION: a pointer entry
 * at the last level, or a table or page outside physical memory (hardware would raise an
 * access fault; the kernel treats both as a bad address).
 */
final class PageWalker {
    private final Geometry geometry;
    private final PhysicalMemory memory;
    private final MmuStats stats;
    private final int levels, pageBits, pteBytes;
    private final int[] shifts;
    private final long[] indexMasks;
    private final long memSize;

    // The last walk's outcome; read right after walk().
    private long leafPte;
    private int leafLevel;
    private FaultCause cause;
    private long setBits;
    // The PTEs the last walk read, kept only while a listener wants them.
    private boolean recording;
    private long[] readPas, readPtes;
    private int reads;

    PageWalker(Geometry geometry, PhysicalMemory memory, MmuStats stats) {
        this.geometry = geometry;
        this.memory = memory;
        this.stats = stats;
        this.levels = geometry.levels();
        this.pageBits = geometry.pageBits();
        this.pteBytes = geometry.pteBytes();
        this.shifts = new int[levels];
        this.indexMasks = new long[levels];
        for (int l = 0; l < levels; l++) {
            shifts[l] = geometry.shift(l);
            indexMasks[l] = (1L << geometry.levelBits(l)) - 1;
        }
        this.memSize = memory.size();
    }

    void record(boolean on) {
        recording = on;
        readPas = new long[levels];
        readPtes = new long[levels];
    }

    /** Tells {@code l} what the walk just done read. */
    void report(MmuListener l, long va, int access, boolean faulted) {
        l.walked(va, access, readPas, readPtes, reads, faulted ? cause : null);
    }

    long leafPte() { return leafPte; }
    int leafLevel() { return leafLevel; }
    FaultCause cause() { return cause; }

    /** Walks for real (counting, setting A/D): the physical address, or {@link Mmu#FAULT} with {@link #cause()}. */
    long walk(long rootPa, long va, int access) {
        stats.walks++;
        return run(rootPa, va, access, null);
    }

    /** The same walk as {@link #walk}, recorded, with no side effect at all. */
    static Walk explain(Geometry g, PhysicalMemory m, long rootPa, long va, int access) {
        if (rootPa < 0 || !g.representable(va))
            return new Walk(va, access, List.of(), FaultCause.OUT_OF_RANGE, Mmu.FAULT, -1, 0, 0);
        PageWalker w = new PageWalker(g, m, null);
        List<WalkStep> steps = new ArrayList<>();
        long pa = w.run(rootPa, va, access, steps);
        if (pa == Mmu.FAULT) return new Walk(va, access, steps, w.cause, pa, -1, 0, 0);
        return new Walk(va, access, steps, null, pa, w.leafLevel, 1L << w.shifts[w.leafLevel], w.setBits);
    }

    private long run(long rootPa, long va, int access, List<WalkStep> trace) {
        boolean hardware = stats != null;
        reads = 0;
        long table = rootPa;
        for (int level = 0; level < levels; level++) {
            long index = (va >>> shifts[level]) & indexMasks[level];
            long ptePa = table + index * pteBytes;
            if (ptePa + pteBytes > memSize) return fail(FaultCause.PROTECTION);
            long pte = memory.readPte(ptePa, pteBytes);
            if (hardware) stats.pteReads++;
            if (recording) { readPas[reads] = ptePa; readPtes[reads++] = pte; }
            if (trace != null) trace.add(new WalkStep(level, index, ptePa, pte));
            if (!Pte.valid(pte)) return fail(FaultCause.NOT_PRESENT);
            if ((pte & (Pte.R | Pte.W)) == Pte.W) return fail(FaultCause.PROTECTION);
            if (Pte.leaf(pte)) return leaf(va, access, level, ptePa, pte, hardware);
            table = Pte.ppn(pte) << pageBits;
        }
        return fail(FaultCause.PROTECTION);
    }

    private long leaf(long va, int access, int level, long ptePa, long pte, boolean hardware) {
        long need = access == Access.FETCH ? Pte.X : access == Access.STORE ? Pte.W : Pte.R;
        if ((pte & need) == 0 || (pte & Pte.U) == 0) return fail(FaultCause.PROTECTION);
        long ppn = Pte.ppn(pte);
        int span = shifts[level] - pageBits;
        if ((ppn & ((1L << span) - 1)) != 0) return fail(FaultCause.PROTECTION);
        long pa = (ppn << pageBits) | (va & ((1L << shifts[level]) - 1));
        if ((pa | ((1L << pageBits) - 1)) >= memSize) return fail(FaultCause.PROTECTION);
        long set = Pte.A | (access == Access.STORE ? Pte.D : 0);
        setBits = set & ~pte;
        if (setBits != 0) {
            pte |= set;
            if (hardware) {
                memory.writePte(ptePa, pteBytes, pte);
                stats.pteWrites++;
            }
        }
        leafPte = pte;
        leafLevel = level;
        return pa;
    }

    private long fail(FaultCause c) {
        cause = c;
        return Mmu.FAULT;
    }
}
