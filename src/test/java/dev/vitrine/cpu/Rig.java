package dev.vitrine.cpu;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.Mmu;
import dev.vitrine.mmu.PhysicalMemory;
import dev.vitrine.mmu.Pte;
import dev.vitrine.mmu.TlbConfig;

/**
 * A tiny machine for hart tests: 8 MiB of RAM, an Sv39 table mapping virtual pages
 * 0x10000..0x400000 one-to-one onto the same physical addresses (user, RWX), code
 * assembled at {@link #CODE}, data at {@link #DATA}. The first 64 KiB (page tables,
 * NULL) stay unmapped.
 */
final class Rig {
    static final long CODE = 0x10000, DATA = 0x200000;
    static final long RWX = Pte.V | Pte.R | Pte.W | Pte.X | Pte.U | Pte.A | Pte.D;
    private static final long ROOT = 0x1000, L1 = 0x2000, L0 = 0x3000; // L0: 0x3000 and 0x4000

    final PhysicalMemory mem = new PhysicalMemory(8 << 20, 12);

    /** Every byte of physical memory, for comparing two rigs' memories. */
    byte[] memory() {
        byte[] all = new byte[(int) mem.size()];
        mem.read(0, all, 0, all.length);
        return all;
    }
    final Mmu mmu;
    final Hart hart;
    private final Geometry geometry;
    private long at = CODE;

    Rig() { this(Geometry.SV39); }

    /** SV39, or the two-level 32-bit X86_32 shape (4-byte entries: one leaf table covers 4 MiB). */
    Rig(Geometry geometry) { this(geometry, TlbConfig.DEFAULT, false); }

    /** With a chosen TLB; {@code reference}: an MMU without any fast path (see {@link Mmu#reference}). */
    Rig(Geometry geometry, TlbConfig tlb, boolean reference) {
        this.geometry = geometry;
        mmu = reference ? Mmu.reference(geometry, mem, tlb) : new Mmu(geometry, mem, tlb);
        hart = new Hart(mmu);
        if (geometry.pteBytes() == 8) {
            mem.write64(ROOT, Pte.make(L1 >>> 12, Pte.V));
            mem.write64(L1, Pte.make(L0 >>> 12, Pte.V));
            mem.write64(L1 + 8, Pte.make((L0 + 0x1000) >>> 12, Pte.V));
        } else {
            mem.write32(ROOT, (int) Pte.make(L0 >>> 12, Pte.V));
        }
        for (long va = 0x10000; va < 0x400000; va += 0x1000) map(va, RWX);
        mmu.setRoot(ROOT, 0);
        hart.pc = CODE;
    }

    /** Back to a fresh state for the next program (registers, pc, counters); memory stays. */
    Rig reset() {
        java.util.Arrays.fill(hart.x, 0);
        java.util.Arrays.fill(hart.f, 0);
        hart.writeFcsr(0);
        hart.instret = 0;
        hart.pc = CODE;
        at = CODE;
        return this;
    }

    /** Maps va's page one-to-one with {@code flags} (0 unmaps). */
    void map(long va, long flags) {
        long pte = flags == 0 ? 0 : Pte.make(va >>> 12, flags);
        mem.writePte(L0 + (va >>> 12) * geometry.pteBytes(), geometry.pteBytes(), pte);
        mmu.invalidatePage(va);
    }

    /** Continues assembling at va. */
    Rig org(long va) { at = va; return this; }

    /** Appends 32-bit instructions. */
    Rig i(int... words) {
        for (int w : words) { mem.write32(at, w); hart.invalidatePhysical(at, 4); at += 4; }
        return this;
    }

    /** Appends 16-bit (compressed) instructions. */
    Rig c(int... halves) {
        for (int h : halves) { mem.write16(at, h); hart.invalidatePhysical(at, 2); at += 2; }
        return this;
    }

    long here() { return at; }

    int run(long budget) { return hart.run(budget); }

    /** Runs until the program's closing ecall and insists it got there. */
    Rig runToEcall() {
        int t = hart.run(100_000);
        if (t != Trap.ECALL) throw new AssertionError("expected ecall, got " + Trap.name(t) + " at pc 0x" + Long.toHexString(hart.pc)
                + " tval 0x" + Long.toHexString(hart.trapValue));
        return this;
    }

    long x(int r) { return hart.x[r]; }
    Rig set(int r, long v) { hart.x[r] = v; return this; }
}
