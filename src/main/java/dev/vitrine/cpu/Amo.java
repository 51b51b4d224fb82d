package dev.vitrine.cpu;

/**
 * The A extension: LR/SC and the AMOs. aq/rl need nothing on one hart. Misaligned atomics
 * are not emulated by Linux (SIGBUS).
 *
 * <p>The reservation is on the virtual address: an SC whose store faults (a copy-on-write
 * page, say) and runs again after the kernel mapped a new frame still succeeds, as it does
 * under qemu-riscv64. The kernel drops the reservation on every context switch, so no other
 * address space can see it.
 */
final class Amo {
    private Amo() {}

    /** Runs LR/SC/AMO {@code d}; -1 when done, else a trap (PAGE_FAULT: the MMU has the address). */
    static int exec(Hart h, Lsu lsu, long d) {
        int op = Op.op(d);
        long va = h.x[Op.rs1(d)], src = h.x[Op.rs2(d)];
        boolean word = op == Op.LR_W || op == Op.SC_W || op == Op.AMO_W;
        boolean lr = op == Op.LR_W || op == Op.LR_D;
        if ((va & (word ? 3 : 7)) != 0) { h.trapValue = va; return Trap.MISALIGNED; }
        // AMOs and SC need write permission (a store/AMO fault), LR only read
        long p = lsu.atomicPa(va, !lr);
        if (p < 0) return Trap.PAGE_FAULT;
        long result;
        if (lr) {
            result = lsu.read(p, word);
            lsu.reservation = va;
        } else if (op == Op.SC_W || op == Op.SC_D) {
            boolean held = lsu.reservation == va;
            lsu.reservation = -1; // any SC ends the reservation
            if (held) lsu.write(p, src, word);
            result = held ? 0 : 1;
        } else {
            long old = lsu.read(p, word);
            lsu.write(p, word ? apply32(Op.imm(d), (int) old, (int) src) : apply64(Op.imm(d), old, src), word);
            result = old;
        }
        h.x[Op.rd(d)] = result;
        h.x[0] = 0;
        return -1;
    }

    /** What an AMO stores, given the old memory value and rs2 (funct5 selects the operation). */
    static long apply64(int funct5, long old, long src) {
        switch (funct5) {
            case 0b00001: return src;
            case 0b00000: return old + src;
            case 0b00100: return old ^ src;
            case 0b01100: return old & src;
            case 0b01000: return old | src;
            case 0b10000: return Math.min(old, src);
            case 0b10100: return Math.max(old, src);
            case 0b11000: return Long.compareUnsigned(old, src) <= 0 ? old : src;
            default: return Long.compareUnsigned(old, src) >= 0 ? old : src; // 0b11100 maxu
        }
    }

    static int apply32(int funct5, int old, int src) {
        switch (funct5) {
            case 0b00001: return src;
            case 0b00000: return old + src;
            case 0b00100: return old ^ src;
            case 0b01100: return old & src;
            case 0b01000: return old | src;
            case 0b10000: return Math.min(old, src);
            case 0b10100: return Math.max(old, src);
            case 0b11000: return Integer.compareUnsigned(old, src) <= 0 ? old : src;
            default: return Integer.compareUnsigned(old, src) >= 0 ? old : src;
        }
    }
}
