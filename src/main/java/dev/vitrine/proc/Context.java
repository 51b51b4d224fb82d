package dev.vitrine.proc;

import dev.vitrine.cpu.Hart;

/** A task's registers while it is off the hart. */
public final class Context {
    final long[] x = new long[32];
    final long[] f = new long[32];
    long pc;
    int fcsr;

    void saveFrom(Hart h) {
        System.arraycopy(h.x, 0, x, 0, 32);
        System.arraycopy(h.f, 0, f, 0, 32);
        pc = h.pc;
        fcsr = h.readFcsr();
    }

    void loadInto(Hart h) {
        System.arraycopy(x, 0, h.x, 0, 32);
        System.arraycopy(f, 0, h.f, 0, 32);
        h.pc = pc;
        h.writeFcsr(fcsr);
        h.clearReservation();
    }

    Context copy() {
        Context c = new Context();
        System.arraycopy(x, 0, c.x, 0, 32);
        System.arraycopy(f, 0, c.f, 0, 32);
        c.pc = pc;
        c.fcsr = fcsr;
        return c;
    }
}
