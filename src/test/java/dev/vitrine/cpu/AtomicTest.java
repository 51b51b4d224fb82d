package dev.vitrine.cpu;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Pte;
import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** A extension: LR/SC reservations and every AMO, .w and .d. */
class AtomicTest {
    static final long D = Rig.DATA;
    static final int W = 2, DW = 3;

    @Test void lrScSucceedsOnItsReservation() {
        Rig r = new Rig().set(A1, D).set(A2, 0x1_0000_0005L);
        r.mem.write32(D, -7);
        r.i(lr(W, A0, A1), sc(W, A3, A1, A2), ECALL);
        r.runToEcall();
        assertEquals(-7, r.x(A0));                 // lr.w sign-extends
        assertEquals(0, r.x(A3));
        assertEquals(5, r.mem.read32(D));          // sc.w stores the low word
        assertEquals(0, r.mem.read32(D + 4));
    }

    @Test void scWithoutReservationFailsAndWritesNothing() {
        Rig r = new Rig().set(A1, D).set(A2, 9);
        r.i(sc(DW, A3, A1, A2), ECALL);
        r.runToEcall();
        assertEquals(1, r.x(A3));
        assertEquals(0, r.mem.read64(D));
    }

    @Test void anyScClearsTheReservation() {
        Rig r = new Rig().set(A1, D).set(A2, 9).set(A4, D + 8);
        // lr.d a0,(a1); sc.d a3,a2,(a4) fails (other address) and clears; sc.d a5,a2,(a1) fails too
        r.i(lr(DW, A0, A1), sc(DW, A3, A4, A2), sc(DW, A5, A1, A2), ECALL);
        r.runToEcall();
        assertEquals(1, r.x(A3));
        assertEquals(1, r.x(A5));
        assertEquals(0, r.mem.read64(D));
        assertEquals(0, r.mem.read64(D + 8));
    }

    @Test void contextSwitchDropsTheReservation() {
        Rig r = new Rig().set(A1, D).set(A2, 9);
        r.i(lr(DW, A0, A1), sc(DW, A3, A1, A2), ECALL);
        assertEquals(Trap.LIMIT, r.run(1));
        r.hart.clearReservation();
        r.runToEcall();
        assertEquals(1, r.x(A3));
    }

    private static long amo(int f5, int width, long mem, long src) {
        Rig r = new Rig().set(A1, D).set(A2, src);
        if (width == W) r.mem.write32(D, (int) mem); else r.mem.write64(D, mem);
        r.i(Asm.amo(f5, width, A0, A1, A2) | 3 << 25, ECALL); // aq and rl set: accepted
        r.runToEcall();
        assertEquals(width == W ? (long) (int) mem : mem, r.x(A0), "rd gets the old value");
        return width == W ? r.mem.read32(D) : r.mem.read64(D);
    }

    @Test void amoOperationsDouble() {
        assertEquals(5, amo(0b00001, DW, 1, 5));                       // swap
        assertEquals(6, amo(0b00000, DW, 1, 5));                       // add
        assertEquals(4, amo(0b00100, DW, 1, 5));                       // xor
        assertEquals(1, amo(0b01100, DW, 3, 5));                       // and
        assertEquals(7, amo(0b01000, DW, 3, 5));                       // or
        assertEquals(-1, amo(0b10000, DW, -1, 5));                     // min
        assertEquals(5, amo(0b10100, DW, -1, 5));                      // max
        assertEquals(5, amo(0b11000, DW, -1, 5));                      // minu
        assertEquals(-1, amo(0b11100, DW, -1, 5));                     // maxu
        assertEquals(Long.MIN_VALUE, amo(0b10000, DW, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    @Test void amoOperationsWordCompareOnlyTheLowWord() {
        assertEquals(-1, amo(0b10000, W, -1, 0x1_0000_0005L));        // min: -1 < 5
        assertEquals(5, amo(0b10100, W, -1, 0xffff_ffff_0000_0005L)); // max ignores the upper word
        assertEquals(5, amo(0b11000, W, 0xffff_ffffL, 5));           // minu
        assertEquals(-1, amo(0b11100, W, 0xffff_ffffL, 5));          // maxu
        assertEquals(Integer.MIN_VALUE, amo(0b00000, W, Integer.MAX_VALUE, 1)); // add wraps in 32 bits
    }

    @Test void amoFaultsAsAStore() {
        Rig r = new Rig().set(A1, D).set(A2, 1);
        r.map(D, Pte.V | Pte.R | Pte.U | Pte.A);
        r.i(Asm.amo(0b00000, DW, A0, A1, A2), ECALL).set(A0, 123);
        assertEquals(Trap.PAGE_FAULT, r.run(10));
        assertEquals(Access.STORE, r.mmu.faultAccess());
        assertEquals(123, r.x(A0));
        assertEquals(0, r.hart.instret);
    }

    @Test void misalignedAtomicIsNotEmulated() {
        Rig r = new Rig().set(A1, D + 4);
        r.i(lr(DW, A0, A1), ECALL);
        assertEquals(Trap.MISALIGNED, r.run(10));
        assertEquals(D + 4, r.hart.trapValue);
        assertEquals(Rig.CODE, r.hart.pc);
    }

    @Test void reservedAmoEncodingsAreIllegal() {
        int[] bad = { Asm.amo(0b00101, DW, A0, A1, A2), /* amocas (Zacas) */ Asm.amo(0b00000, 1, A0, A1, A2), /* .h width */
                      lr(DW, A0, A1) | A2 << 20 /* lr with rs2 != 0 */ };
        for (int insn : bad) {
            Rig r = new Rig().set(A1, D).i(insn);
            assertEquals(Trap.ILLEGAL, r.run(10), Integer.toHexString(insn));
            assertEquals(insn & 0xffffffffL, r.hart.trapValue);
        }
    }
}
