package dev.vitrine.mmu;

/**
 * Builds page tables by hand in a {@link PhysicalMemory}, as a kernel would: tables and
 * frames come from a bump allocator starting at {@code firstFree}.
 */
final class PageTables {
    final Geometry g;
    final PhysicalMemory mem;
    final long root;
    private long next;

    /** Every byte of a memory, for comparing two memories whole. */
    static byte[] bytes(PhysicalMemory mem) {
        byte[] all = new byte[(int) mem.size()];
        mem.read(0, all, 0, all.length);
        return all;
    }

    PageTables(Geometry g, PhysicalMemory mem, long firstFree) {
        this.g = g;
        this.mem = mem;
        this.next = firstFree;
        this.root = allocTable(0);
    }

    /** A fresh zeroed frame (or a table's worth of them), page aligned. */
    long alloc(long bytes) {
        long pa = next;
        next += (bytes + g.pageMask()) & ~g.pageMask();
        if (next > mem.size()) throw new IllegalStateException("test memory too small");
        mem.fill(pa, bytes, (byte) 0);
        return pa;
    }

    long allocTable(int level) { return alloc(g.tableBytes(level)); }

    /** Address of the PTE for {@code va} at {@code level}, creating pointer tables above it. */
    long ptePa(long va, int level) {
        long table = root;
        for (int l = 0; l < level; l++) {
            long pa = table + g.index(va, l) * g.pteBytes();
            long pte = mem.readPte(pa, g.pteBytes());
            if (!Pte.valid(pte)) {
                long t = allocTable(l + 1);
                pte = Pte.make(t >>> g.pageBits(), Pte.V);
                mem.writePte(pa, g.pteBytes(), pte);
            }
            table = Pte.ppn(pte) << g.pageBits();
        }
        return table + g.index(va, level) * g.pteBytes();
    }

    /** Maps the base page at {@code va} to frame {@code pa} with {@code flags} (V added). */
    long map(long va, long pa, long flags) { return mapAt(g.levels() - 1, va, pa, flags); }

    /** Maps {@code va} with a leaf at {@code level} (a superpage above the last level); returns the PTE's address. */
    long mapAt(int level, long va, long pa, long flags) {
        long ptePa = ptePa(va, level);
        mem.writePte(ptePa, g.pteBytes(), Pte.make(pa >>> g.pageBits(), flags | Pte.V));
        return ptePa;
    }

    /** Maps a fresh frame at {@code va}; returns the frame's address. */
    long mapNew(long va, long flags) {
        long frame = alloc(g.pageSize());
        map(va, frame, flags);
        return frame;
    }

    long pte(long ptePa) { return mem.readPte(ptePa, g.pteBytes()); }
    void setPte(long ptePa, long pte) { mem.writePte(ptePa, g.pteBytes(), pte); }

    static final long URW = Pte.U | Pte.R | Pte.W, URX = Pte.U | Pte.R | Pte.X, UR = Pte.U | Pte.R;
}
