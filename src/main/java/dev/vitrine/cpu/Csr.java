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
