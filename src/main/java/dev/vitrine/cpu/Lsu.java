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
    final Mmu mmu;
    private final PhysicalMemory ram;
    private final CodeCache code;
    /** CodeCache's decoded words per 4 KiB block of physical memory (null: none). */
    final long[][] blocks;
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
    // writes it at va's offset; everything else (another page, a chunk not made yet, a
    // crossing, a fault) is one call of miss. These serve the interpreter (Hart.run, one big
    // method that C2 inlines them into: each stays small); a translated block does the same
    // test itself (Translator's load and store) and calls miss for the rest. C2 stops
    // inlining into a method once the inlined bytecode passes 8,000 bytes (DesiredMethodLimit),
    // so the misses of every kind share one method over its limit for inlining even a hot call
    // (FreqInlineSize, 325 bytes), and neither Hart.run nor a block spends its budget on them.
    // LsuTest holds miss over that limit.

    int load8(long va) {
        byte[] c = mmu.loadChunk(va);
        return c != null ? c[(int) va & CHUNK_MASK] : (int) miss(va, 0, 1, false);
    }

    int load16(long va) {
        if (((int) va & CHUNK_MASK) <= CHUNK_MASK - 1) {
            byte[] c = mmu.loadChunk(va);
            if (c != null) return (short) I16.get(c, (int) va & CHUNK_MASK);
        }
        return (int) miss(va, 0, 2, false);
    }

    int load32(long va) {
        if (((int) va & CHUNK_MASK) <= CHUNK_MASK - 3) {
            byte[] c = mmu.loadChunk(va);
            if (c != null) return (int) I32.get(c, (int) va & CHUNK_MASK);
        }
        return (int) miss(va, 0, 4, false);
    }

    long load64(long va) {
        if (((int) va & CHUNK_MASK) <= CHUNK_MASK - 7) {
            byte[] c = mmu.loadChunk(va);
            if (c != null) return (long) I64.get(c, (int) va & CHUNK_MASK);
        }
        return miss(va, 0, 8, false);
    }

    // Stores of the low 1, 2, 4 or 8 bytes of v: false when the MMU refused (nothing written).
    // A store into a 4 KiB block with decoded code drops that code.

    boolean store8(long va, int v) {
        byte[] c = mmu.storeChunk(va);
        if (c == null) return miss(va, v, 1, true) != 0;
        written(mmu.hitChunkIndex());
        c[(int) va & CHUNK_MASK] = (byte) v;
        return true;
    }

    boolean store16(long va, long v) {
        byte[] c = ((int) va & CHUNK_MASK) <= CHUNK_MASK - 1 ? mmu.storeChunk(va) : null;
        if (c == null) return miss(va, v, 2, true) != 0;
        written(mmu.hitChunkIndex());
        I16.set(c, (int) va & CHUNK_MASK, (short) v);
        return true;
    }

    boolean store32(long va, long v) {
        byte[] c = ((int) va & CHUNK_MASK) <= CHUNK_MASK - 3 ? mmu.storeChunk(va) : null;
        if (c == null) return miss(va, v, 4, true) != 0;
        written(mmu.hitChunkIndex());
        I32.set(c, (int) va & CHUNK_MASK, (int) v);
        return true;
    }

    boolean store64(long va, long v) {
        byte[] c = ((int) va & CHUNK_MASK) <= CHUNK_MASK - 7 ? mmu.storeChunk(va) : null;
        if (c == null) return miss(va, v, 8, true) != 0;
        written(mmu.hitChunkIndex());
        I64.set(c, (int) va & CHUNK_MASK, v);
        return true;
    }

    // A translated block reads and writes its chunks through these, not through the VarHandles
    // themselves: a VarHandle call site in each block class cost C1 and C2 twice the compile
    // time (each links and inlines its own invoker), while these compile once and C2 inlines them.

    static short get16(byte[] c, int at) { return (short) I16.get(c, at); }
    static int get32(byte[] c, int at) { return (int) I32.get(c, at); }
    static long get64(byte[] c, int at) { return (long) I64.get(c, at); }
    static void set16(byte[] c, int at, short v) { I16.set(c, at, v); }
    static void set32(byte[] c, int at, int v) { I32.set(c, at, v); }
    static void set64(byte[] c, int at, long v) { I64.set(c, at, v); }

    /**
     * Hands the MMU a translated block's hits (see Translator's served): pd and pp are the
     * numbers of the last hit on the current and on the previous data page; 0: none. Every
     * load and store the block ran since its last hand-over was a hit, numbered in order, so
     * there were as many as the larger number.
     */
    static void pendHits(Mmu mmu, int pd, int pp) {
        if ((pd | pp) != 0) mmu.pendHits(Math.max(pd, pp), pd, pp);
    }

    /** A store into block b of physical memory drops the code decoded there. */
    private void written(int b) {
        if (blocks[b] != null) code.invalidateBlock(b);
    }

    /**
     * Any access the fast paths do not serve, through the translation: a load returns the
     * value sign-extended from {@code size} bytes (the callers narrow it again) or sets
     * {@link #fault}; a store of the low {@code size} bytes of v returns 1, or 0 if the MMU
     * refused (nothing written then). A misaligned access over a boundary (a page, or a
     * code block, whichever is smaller) translates the part past it too, and both must
     * succeed before any byte is written. One method on purpose: see above.
     */
    long miss(long va, long v, int size, boolean store) {
        long p = store ? mmu.store(va) : mmu.load(va);
        if (p < 0) {
            if (!store) fault = true;
            return 0;
        }
        int off = (int) va & crossMask;
        if (size > 1 && off > crossMask + 1 - size) {
            // Over the boundary: bytes below it at p, the rest at p2.
            int first = crossMask + 1 - off;
            long va2 = va + first;
            long p2 = (va2 & pageMask) != 0 ? p + first // same page, only a code-block boundary
                    : mmu.translate(va2, store ? Access.STORE : Access.LOAD);
            if (p2 < 0) {
                if (!store) fault = true;
                return 0;
            }
            if (store) {
                code.invalidateRange(p, first);
                code.invalidateRange(p2, size - first);
                for (int i = 0; i < size; i++, v >>>= 8) ram.write8(i < first ? p + i : p2 + i - first, (int) v);
                return 1;
            }
            long r = 0;
            for (int i = size - 1; i >= 0; i--) r = (r << 8) | ram.read8(i < first ? p + i : p2 + i - first);
            return size == 8 ? r : (r << (64 - 8 * size)) >> (64 - 8 * size);
        }
        int at = (int) p & CHUNK_MASK;
        if (store) {
            written((int) (p >>> CodeCache.BLOCK_BITS));
            byte[] c = ram.writable(p);
            switch (size) {
                case 1 -> c[at] = (byte) v;
                case 2 -> I16.set(c, at, (short) v);
                case 4 -> I32.set(c, at, (int) v);
                default -> I64.set(c, at, v);
            }
            return 1;
        }
        byte[] c = ram.readable(p);
        return switch (size) {
            case 1 -> c[at];
            case 2 -> (short) I16.get(c, at);
            case 4 -> (int) I32.get(c, at);
            default -> (long) I64.get(c, at);
        };
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
