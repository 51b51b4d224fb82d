package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** F/D loads, stores, moves and sign injection: the parts that need no arithmetic. */
class FpMoveTest {
    static final long D = Rig.DATA, BOX = 0xffff_ffff_0000_0000L;
    static final int FA0 = 10, FA1 = 11, FA2 = 12;

    @Test void loadsBoxSinglesAndStoresWriteRawBits() {
        Rig r = new Rig().set(A1, D);
        r.mem.write64(D, 0x4000_0000_3f80_0000L);
        r.i(flw(FA0, A1, 0), fld(FA1, A1, 0), fsw(FA0, A1, 8), fsd(FA1, A1, 16), fsw(FA1, A1, 24), ECALL);
        r.runToEcall();
        assertEquals(BOX | 0x3f80_0000L, r.hart.f[FA0]);
        assertEquals(0x4000_0000_3f80_0000L, r.hart.f[FA1]);
        assertEquals(0x3f80_0000L, r.mem.read64(D + 8));
        assertEquals(0x4000_0000_3f80_0000L, r.mem.read64(D + 16));
        assertEquals(0x3f80_0000, r.mem.read32(D + 24)); // fsw stores the low word even if not boxed
    }

    @Test void integerMoves() {
        Rig r = new Rig().set(A1, 0x1234_5678_8765_4321L);
        r.i(opfp(0x78, 0, A1, 0, FA0),   // fmv.w.x fa0, a1
            opfp(0x79, 0, A1, 0, FA1),   // fmv.d.x fa1, a1
            opfp(0x70, 0, FA0, 0, A2),   // fmv.x.w a2, fa0 (sign-extends)
            opfp(0x71, 0, FA1, 0, A3),   // fmv.x.d a3, fa1
            opfp(0x70, 0, FA1, 0, A4),   // fmv.x.w of an unboxed value: raw low bits
            ECALL);
        r.runToEcall();
        assertEquals(BOX | 0x8765_4321L, r.hart.f[FA0]);
        assertEquals(0x1234_5678_8765_4321L, r.hart.f[FA1]);
        assertEquals(0xffff_ffff_8765_4321L, r.x(A2));
        assertEquals(0x1234_5678_8765_4321L, r.x(A3));
        assertEquals(0xffff_ffff_8765_4321L, r.x(A4));
    }

    @Test void signInjectionSingleAndNaNBoxing() {
        Rig r = new Rig();
        r.hart.f[FA1] = BOX | 0x3f80_0000L;           // 1.0f
        r.hart.f[FA2] = BOX | 0xc000_0000L;           // -2.0f
        r.hart.f[3] = 0x0000_0000_bf80_0000L;         // not boxed: reads as the canonical NaN
        r.i(opfp(0x10, FA2, FA1, 0, 4),   // fsgnj.s  f4 = 1.0 with -2's sign = -1.0
            opfp(0x10, FA2, FA1, 1, 5),   // fsgnjn.s f5 = +1.0
            opfp(0x10, FA2, FA2, 2, 6),   // fsgnjx.s f6 = fabs(-2) = 2.0
            opfp(0x10, FA1, 3, 0, 7),     // fsgnj.s  f7 = canonical NaN with + sign
            opfp(0x10, 3, FA1, 1, 8),     // fsgnjn.s f8: sign from NaN (+) negated = -1.0
            ECALL);
        r.runToEcall();
        assertEquals(BOX | 0xbf80_0000L, r.hart.f[4]);
        assertEquals(BOX | 0x3f80_0000L, r.hart.f[5]);
        assertEquals(BOX | 0x4000_0000L, r.hart.f[6]);
        assertEquals(BOX | 0x7fc0_0000L, r.hart.f[7]);
        assertEquals(BOX | 0xbf80_0000L, r.hart.f[8]);
    }

    @Test void signInjectionDouble() {
        Rig r = new Rig();
        r.hart.f[FA1] = Double.doubleToRawLongBits(1.5);
        r.hart.f[FA2] = Double.doubleToRawLongBits(-0.0);
        r.i(opfp(0x11, FA2, FA1, 0, 4), opfp(0x11, FA2, FA1, 1, 5), opfp(0x11, FA2, FA2, 2, 6), ECALL);
        r.runToEcall();
        assertEquals(-1.5, Double.longBitsToDouble(r.hart.f[4]));
        assertEquals(1.5, Double.longBitsToDouble(r.hart.f[5]));
        assertEquals(0x0L, r.hart.f[6]); // -0 xor sign(-0) = +0
    }

    @Test void compressedFpLoadsAndStores() {
        Rig r = new Rig().set(A1, D).set(A2, D + 0x100).set(SP, D + 0x200);
        r.mem.write64(D + 8, 0x4009_21fb_5444_2d18L);
        r.c(0x2588,   // c.fld fa0, 8(a1)
            0xaa0c,   // c.fsd fa1, 16(a2)
            0x367e,   // c.fldsp fa2, 504(sp)
            0xbfb6)   // c.fsdsp fa3, 504(sp)
         .i(ECALL);
        r.hart.f[FA1] = 0x1111_2222_3333_4444L;
        r.hart.f[13] = 0x5555_6666_7777_8888L;
        r.mem.write64(D + 0x200 + 504, -2);
        r.runToEcall();
        assertEquals(0x4009_21fb_5444_2d18L, r.hart.f[FA0]);
        assertEquals(0x1111_2222_3333_4444L, r.mem.read64(D + 0x110));
        assertEquals(-2, r.hart.f[FA2]);
        assertEquals(0x5555_6666_7777_8888L, r.mem.read64(D + 0x200 + 504));
    }

    @Test void copyStateFromCarriesFcsr() {
        Rig r = new Rig().i(csr(5, 0, 3, 0x1f) | 0, ECALL); // csrrwi fcsr, 0x1f
        r.runToEcall();
        Hart child = new Hart(r.mmu);
        child.copyStateFrom(r.hart);
        assertEquals(0x1f, child.readFcsr());
        assertEquals(0x1f, child.fpu.flags);
    }
}
