package dev.vitrine.cpu;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.PhysicalMemory;

import static dev.vitrine.cpu.Hart.I16;
import static dev.vitrine.cpu.Hart.I32;
import static dev.vitrine.cpu.Hart.I64;
import static dev.vitrine.mmu.PhysicalMemory.CHUNK_MASK;

/**
 * The hart's load/store unit: every data access is one {@link Mmu#translate} (two when a
 * misaligned access crosses a page; both must succeed before any byte is written), then
 * a little-endian read or write of physical memory. A store into a block with decoded
 * code drops that block, so self-modifying code needs nothing else. Also holds the LR
 * reservation.
 *
 * <p>Loads report a refused translation through {@link #fault} (the hart clears it when it
 * raises the trap); stores through their result. The MMU keeps the faulting address.
 */
final class Lsu {
    private final Mmu mmu;
    private final PhysicalMemory ram;
    private final CodeCache code;
    private final long[][] blocks;
    private final long pageMask;
    /** Accesses crossing this boundary (a page or a code block, whichever is smaller) take the slow path. */
    final int crossMask;

    /** Set when a load's translation was refused. */
    boolean fault;
    /** Physical address reserved by LR, or -1. */
    long reservation = -1;

    Lsu(Mmu mmu, CodeCache code) {
        this.mmu = mmu;
        this.ram = mmu.memory();
        this.code = code;
        this.blocks = code.blocks;
        this.pageMask = mmu.geometry().pageMask();
        this.crossMask = (int) Math.min(pageMask, (1 << CodeCache.BLOCK_BITS) - 1);
    }

    private boolean crosses(long va, int size) { return ((int) va & crossMask) > crossMask + 1 - size; }

    /** The same for the chunk paths, which serve only pages that are chunks (then crossMask is CHUNK_MASK): a constant. */
    private static boolean crossesChunk(long va, int size) { return ((int) va & CHUNK_MASK) > CHUNK_MASK + 1 - size; }

    /** A load whose value nobody wants (rd = x0): only whether it faults. */
    void probe(long va, int size) {
        switch (size) {
            case 1: load8(va); break;
            case 2: load16(va); break;
            case 4: load32(va); break;
            default: load64(va);
        }
    }

    // Each access first asks the MMU for the chunk of one of its two remembered data pages
    // (Mmu.loadChunk/storeChunk: counted exactly as Mmu.load/store count it), and reads or
    // writes it at va's offset; else (another page, a chunk not made yet, a crossing) the
    // translation and physical memory's own lookup, out of line. The fast parts stay small:
    // C2 stops inlining into a translated block once its inlined bytecode passes 8,000 bytes,
    // and a block may hold sixty loads and stores.

    int load8(long va) {
        byte[] c = mmu.loadChunk(va);
        if (c != null) return c[(int) va & CHUNK_MASK];
        return (int) loadSlow(va, 1);
    }

    int load16(long va) {
        if (!crossesChunk(va, 2)) {
            byte[] c = mmu.loadChunk(va);
            if (c != null) return (short) I16.get(c, (int) va & CHUNK_MASK);
        }
        return (int) loadSlow(va, 2);
    }

    int load32(long va) {
        if (!crossesChunk(va, 4)) {
            byte[] c = mmu.loadChunk(va);
            if (c != null) return (int) I32.get(c, (int) va & CHUNK_MASK);
        }
        return (int) loadSlow(va, 4);
    }

    long load64(long va) {
        if (!crossesChunk(va, 8)) {
            byte[] c = mmu.loadChunk(va);
            if (c != null) return (long) I64.get(c, (int) va & CHUNK_MASK);
        }
        return loadSlow(va, 8);
    }

    /** A load through the translation: sign-extended from {@code size} bytes (the callers narrow it again). */
    private long loadSlow(long va, int size) {
        long p = mmu.load(va);
        if (p < 0) { fault = true; return 0; }
        if (size > 1 && crosses(va, size)) return loadCross(va, p, size);
        byte[] c = ram.readable(p);
        int at = (int) p & CHUNK_MASK;
        return switch (size) {
            case 1 -> c[at];
            case 2 -> (short) I16.get(c, at);
            case 4 -> (int) I32.get(c, at);
            default -> (long) I64.get(c, at);
        };
    }

    /** A misaligned load over a boundary: translate the second page too, then gather bytes. */
    private long loadCross(long va, long p, int size) {
        long p2 = secondPa(va, p, Access.LOAD);
        if (p2 < 0) { fault = true; return 0; }
        int first = crossMask + 1 - ((int) va & crossMask);
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | ram.read8(i < first ? p + i : p2 + i - first);
        return v;
    }

    /** Physical address of the part past the boundary (or -1 if it faults). */
    private long secondPa(long va, long p, int access) {
        int first = crossMask + 1 - ((int) va & crossMask);
        long va2 = va + first;
        if ((va2 & pageMask) == 0) return mmu.translate(va2, access);
        return p + first; // same page, only a code-block boundary
    }

    /** A store into block b of physical memory drops the code decoded there. */
    private void written(int b) {
        if (blocks[b] != null) code.invalidateBlock(b);
    }

    // Stores of the low 1, 2, 4 or 8 bytes of v; false if the MMU refused (nothing written then).

    boolean store8(long va, int v) {
        byte[] c = mmu.storeChunk(va);
        if (c == null) return storeSlow(va, v, 1);
        written(mmu.hitChunkIndex());
        c[(int) va & CHUNK_MASK] = (byte) v;
        return true;
    }

    boolean store16(long va, long v) {
        byte[] c = crossesChunk(va, 2) ? null : mmu.storeChunk(va);
        if (c == null) return storeSlow(va, v, 2);
        written(mmu.hitChunkIndex());
        I16.set(c, (int) va & CHUNK_MASK, (short) v);
        return true;
    }

    boolean store32(long va, long v) {
        byte[] c = crossesChunk(va, 4) ? null : mmu.storeChunk(va);
        if (c == null) return storeSlow(va, v, 4);
        written(mmu.hitChunkIndex());
        I32.set(c, (int) va & CHUNK_MASK, (int) v);
        return true;
    }

    boolean store64(long va, long v) {
        byte[] c = crossesChunk(va, 8) ? null : mmu.storeChunk(va);
        if (c == null) return storeSlow(va, v, 8);
        written(mmu.hitChunkIndex());
        I64.set(c, (int) va & CHUNK_MASK, v);
        return true;
    }

    /** A store through the translation. */
    private boolean storeSlow(long va, long v, int size) {
        long p = mmu.store(va);
        if (p < 0) return false;
        if (size > 1 && crosses(va, size)) return storeCross(va, p, v, size);
        written((int) (p >>> CodeCache.BLOCK_BITS));
        byte[] c = ram.writable(p);
        int at = (int) p & CHUNK_MASK;
        switch (size) {
            case 1 -> c[at] = (byte) v;
            case 2 -> I16.set(c, at, (short) v);
            case 4 -> I32.set(c, at, (int) v);
            default -> I64.set(c, at, v);
        }
        return true;
    }

    private boolean storeCross(long va, long p, long v, int size) {
        long p2 = secondPa(va, p, Access.STORE);
        if (p2 < 0) return false;
        int first = crossMask + 1 - ((int) va & crossMask);
        code.invalidateRange(p, first);
        code.invalidateRange(p2, size - first);
        for (int i = 0; i < size; i++, v >>>= 8) ram.write8(i < first ? p + i : p2 + i - first, (int) v);
        return true;
    }

    // ---- atomics: always naturally aligned (the caller checked), so never crossing

    /** Physical address for an atomic access, or -1 (the MMU has the fault). */
    long atomicPa(long va, boolean store) { return mmu.translate(va, store ? Access.STORE : Access.LOAD); }

    long read(long pa, boolean word) { return word ? (int) I32.get(ram.readable(pa), (int) pa & CHUNK_MASK) : (long) I64.get(ram.readable(pa), (int) pa & CHUNK_MASK); }

    void write(long pa, long v, boolean word) {
        code.invalidateRange(pa, word ? 4 : 8);
        byte[] c = ram.writable(pa);
        if (word) I32.set(c, (int) pa & CHUNK_MASK, (int) v); else I64.set(c, (int) pa & CHUNK_MASK, v);
    }
}
