package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** Zicsr: the FP status CSRs and the read-only counters. */
class CsrTest {
    static final int RW = 1, RS = 2, RC = 3, RWI = 5, RSI = 6, RCI = 7;
    static final int FFLAGS = 1, FRM = 2, FCSR = 3, CYCLE = 0xc00, TIME = 0xc01, INSTRET = 0xc02;

    @Test void fcsrIsFrmAndFflags() {
        Rig r = new Rig().set(A1, 0x1ff);
        r.i(csr(RW, A0, FCSR, A1),      // fscsr: old 0, sets frm=7 flags=0x1f (bit 8 dropped)
            csr(RS, A2, FRM, 0),        // frrm
            csr(RS, A3, FFLAGS, 0),     // frflags
            csr(RCI, 0, FFLAGS, 0x3),   // clear NX, UF
            csr(RWI, A4, FRM, 2),       // fsrmi 2, old 7
            csr(RS, A5, FCSR, 0),
            ECALL);
        r.runToEcall();
        assertEquals(0, r.x(A0));
        assertEquals(7, r.x(A2));
        assertEquals(0x1f, r.x(A3));
        assertEquals(7, r.x(A4));
        assertEquals(2 << 5 | 0x1c, r.x(A5));
        assertEquals(0x1c, r.hart.fpu.flags);
        assertEquals(2 << 5 | 0x1c, r.hart.fcsr);
        assertEquals(2 << 5 | 0x1c, r.hart.readFcsr());
    }

    @Test void fflagsWrittenByTheFpuShowInTheCsr() {
        Rig r = new Rig().i(csr(RSI, A0, FFLAGS, 0x10), csr(RS, A1, FFLAGS, 0), ECALL);
        r.hart.writeFcsr(0x01);
        r.runToEcall();
        assertEquals(0x01, r.x(A0));
        assertEquals(0x11, r.x(A1));
        assertEquals(0x11, r.hart.fcsr);
    }

    @Test void countersCountRetiredInstructions() {
        Rig r = new Rig().i(NOP, NOP, csr(RS, A0, INSTRET, 0), csr(RS, A1, CYCLE, 0), csr(RS, A2, TIME, 0), ECALL);
        r.hart.instret = 1000;
        r.hart.timeBase = 5_000;
        r.runToEcall();
        assertEquals(1002, r.x(A0));
        assertEquals(1003, r.x(A1));
        assertEquals((5_000 + 1004) / 100, r.x(A2));
    }

    @Test void writingACounterOrAnUnknownCsrIsIllegal() {
        int[] bad = { csr(RW, A0, CYCLE, A1), csr(RS, A0, TIME, A1), csr(RWI, 0, INSTRET, 0), csr(RSI, A0, CYCLE, 1),
                      csr(RS, A0, 0xc03, 0) /* hpmcounter3 */, csr(RS, A0, 0x300, 0) /* mstatus */,
                      csr(RS, A0, 0x008, 0) /* vstart */, csr(RS, A0, 0x015, 0) /* seed */, 0x0000_4073 /* funct3 4 */,
                      0x1050_0073 /* wfi */, 0x3020_0073 /* mret */ };
        for (int insn : bad) {
            Rig r = new Rig().set(A1, 1).i(insn);
            assertEquals(Trap.ILLEGAL, r.run(10), Integer.toHexString(insn));
            assertEquals(insn & 0xffffffffL, r.hart.trapValue);
            assertEquals(0, r.hart.instret);
        }
    }

    @Test void readingCountersWithZeroSourceIsFine() {
        Rig r = new Rig().i(csr(RC, A0, CYCLE, 0), csr(RCI, A1, INSTRET, 0), ECALL);
        r.runToEcall();
        assertEquals(0, r.x(A0));
        assertEquals(1, r.x(A1));
    }
}
