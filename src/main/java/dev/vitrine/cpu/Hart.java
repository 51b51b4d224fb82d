package dev.vitrine.cpu;

import dev.vitrine.mmu.Mmu;

/**
 * One RV64GC hart in user mode. Placeholder: the cpu helper writes the interpreter.
 */
public final class Hart {
    public final long[] x = new long[32];
    /** FP registers as raw 64-bit patterns; single-precision values are NaN-boxed. */
    public final long[] f = new long[32];
    public long pc;
    /** fflags in bits 0-4, frm in bits 5-7. */
    public int fcsr;
    public long instret;
    /** stval: the faulting address or the illegal instruction's bits. */
    public long trapValue;
    /** Added to instret to give the time CSR: the kernel keeps the virtual clock. */
    public long timeBase;

    private final Mmu mmu;

    public Hart(Mmu mmu) { this.mmu = mmu; }

    public Mmu mmu() { return mmu; }

    /** Runs until a trap or until {@code budget} instructions retired. Returns a {@link Trap} code. */
    public int run(long budget) { throw new UnsupportedOperationException("cpu not yet written"); }

    /** Drops the LR reservation (the kernel does this on context switch and on a store by another hart). */
    public void clearReservation() {}

    /** Forgets decoded instructions: fence.i, riscv_flush_icache, or a code frame reused. */
    public void flushDecoded() {}

    /** Copies the architectural state (registers, pc, fcsr) from another hart: fork. */
    public void copyStateFrom(Hart other) {
        System.arraycopy(other.x, 0, x, 0, 32);
        System.arraycopy(other.f, 0, f, 0, 32);
        pc = other.pc;
        fcsr = other.fcsr;
    }
}
