package dev.vitrine.cpu;

/**
 * The user-mode CSRs a Linux process can touch: the FP status (fflags, frm, fcsr)
 * and the read-only counters (cycle, time, instret). Anything else is illegal.
 */
final class Csr {
    private Csr() {}

    static final int FFLAGS = 0x001, FRM = 0x002, FCSR = 0x003, CYCLE = 0xc00, TIME = 0xc01, INSTRET = 0xc02;

    /** Virtual time: one instruction is one nanosecond; time ticks at 10 MHz as on qemu virt. */
    static final long NS_PER_TICK = 100;

    /** csrrw/csrrs/csrrc and their immediate forms; the decoder already refused illegal ones. */
    static void exec(Hart h, long d, long retired) {
        int op = Op.op(d), csr = Op.imm(d), rs1 = Op.rs1(d);
        long old = read(h, csr, retired);
        long src = op >= Op.CSRRWI ? rs1 : h.x[rs1];
        if (op == Op.CSRRW || op == Op.CSRRWI) write(h, csr, src);
        // csrrs/csrrc with x0 or uimm 0 only read (which is why they may name read-only CSRs)
        else if (rs1 != 0) write(h, csr, op == Op.CSRRS || op == Op.CSRRSI ? old | src : old & ~src);
        h.x[Op.rd(d)] = old;
        h.x[0] = 0;
    }

    static boolean exists(int csr) {
        return csr == FFLAGS || csr == FRM || csr == FCSR || csr == CYCLE || csr == TIME || csr == INSTRET;
    }

    static boolean readOnly(int csr) { return (csr >>> 10) == 3; }

    /** {@code retired} counts the instructions retired before the one reading. */
    static long read(Hart h, int csr, long retired) {
        switch (csr) {
            case FFLAGS: return h.fpu.flags & 0x1f;
            case FRM: return (h.fcsr >>> 5) & 7;
            case FCSR: return ((h.fcsr & 0xe0) | (h.fpu.flags & 0x1f));
            case CYCLE: case INSTRET: return retired;
            default: return (h.timeBase + retired) / NS_PER_TICK;
        }
    }

    /** Only the FP CSRs get here: the decoder turned writes to counters into ILLEGAL. */
    static void write(Hart h, int csr, long v) {
        switch (csr) {
            case FFLAGS: h.fpu.flags = (int) v & 0x1f; break;
            case FRM: h.fcsr = (h.fcsr & 0x1f) | (((int) v & 7) << 5); break;
            default:
                h.fpu.flags = (int) v & 0x1f;
                h.fcsr = (int) v & 0xff;
        }
    }
}
