package dev.vitrine.lab;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mm.PageTable;
import dev.vitrine.mmu.Pte;

/**
 * Lays a {@link PageTableSpec} out as real PTE bytes in a {@link PhysicalMemory}, the way
 * a kernel would: the root at its frame, each further table in the next free frames,
 * pointer entries with V only, leaves with the given flags, swapped pages as the kernel's
 * swap entries ({@link PageTable#swapEntry}: V=0, the SWAPPED software bit, the slot where
 * the PPN would be; Linux keeps swap entries in PTEs the same way).
 */
public final class PageTableBuilder {
    private PageTableBuilder() {}

    /** The memory holding the tables, the root's physical address, and how many tables were made. */
    public record Built(PhysicalMemory memory, long rootPa, int tables) {}

    /** Keeps the simulated RAM small enough to allocate for any sensible exercise. */
    static final long MAX_BYTES = 512L << 20;

    public static Built build(Geometry g, PageTableSpec spec) {
        long pageSize = g.pageSize();
        long[] framesPerTable = new long[g.levels()];
        long biggest = 0;
        for (int l = 0; l < g.levels(); l++) {
            framesPerTable[l] = Math.max(1, (g.tableBytes(l) + pageSize - 1) / pageSize);
            biggest = Math.max(biggest, framesPerTable[l]);
        }
        // Upper bound on frames: the root plus, per mapped or swapped page, one table per lower level.
        long entries = spec.maps().size() + spec.swapped().size();
        long frames = spec.rootFrame() + framesPerTable[0] + entries * (g.levels() - 1) * biggest;
        // The walker refuses a leaf whose frame lies outside physical memory, so RAM reaches the highest frame.
        for (PageTableSpec.Mapping m : spec.maps()) frames = Math.max(frames, m.frame() + 1);
        if (g.tableBytes(0) > MAX_BYTES || frames * pageSize > MAX_BYTES)
            throw new IllegalArgumentException("the tables would need about " + Sizes.bytes(java.math.BigInteger.valueOf(frames).multiply(
                    java.math.BigInteger.valueOf(pageSize)).max(java.math.BigInteger.valueOf(g.tableBytes(0))))
                    + " of physical memory (the lab models up to " + Sizes.bytes(MAX_BYTES) + "); use more levels or smaller frame numbers");
        PhysicalMemory mem = new PhysicalMemory(frames * pageSize, g.pageBits());
        long[] next = {spec.rootFrame() + framesPerTable[0], 1}; // next free frame, tables made
        long root = spec.rootFrame() * pageSize;
        for (PageTableSpec.Mapping m : spec.maps()) {
            long ptePa = leafSlot(g, mem, root, m.vpn(), next, framesPerTable);
            mem.writePte(ptePa, g.pteBytes(), Pte.make(m.frame(), m.flags() | Pte.V));
        }
        for (PageTableSpec.Swapped s : spec.swapped()) {
            long ptePa = leafSlot(g, mem, root, s.vpn(), next, framesPerTable);
            mem.writePte(ptePa, g.pteBytes(), PageTable.swapEntry(s.slot() & g.maxPpn(), 0));
        }
        return new Built(mem, root, (int) next[1]);
    }

    /** Physical address of the last-level entry for {@code vpn}, creating missing tables. */
    private static long leafSlot(Geometry g, PhysicalMemory mem, long root, long vpn, long[] next, long[] framesPerTable) {
        long va = vpn << g.pageBits();
        long table = root;
        for (int l = 0; l < g.levels() - 1; l++) {
            long ptePa = table + g.index(va, l) * g.pteBytes();
            long pte = mem.readPte(ptePa, g.pteBytes());
            if (!Pte.valid(pte)) {
                long frame = next[0];
                next[0] += framesPerTable[l + 1];
                next[1]++;
                pte = Pte.make(frame, Pte.V);
                mem.writePte(ptePa, g.pteBytes(), pte);
            }
            table = Pte.ppn(pte) << g.pageBits();
        }
        return table + g.index(va, g.levels() - 1) * g.pteBytes();
    }
}
