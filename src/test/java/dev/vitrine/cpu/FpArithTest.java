package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * F/D arithmetic through the hart: operand un-boxing, result boxing, rounding-mode
 * resolution, fflags, and a gcc F/D workload against qemu.
 */
class FpArithTest {
    static final long BOX = 0xffff_ffff_0000_0000L;
    static final int FA0 = 10, FA1 = 11, FA2 = 12, FA3 = 13;
    static final int DYN = 7, RNE = 0, RTZ = 1, RUP = 3;

    static long d(double v) { return Double.doubleToRawLongBits(v); }
    static long s(float v) { return BOX | (Float.floatToRawIntBits(v) & 0xffffffffL); }

    @Test void doubleArithmeticAndStaticVersusDynamicRounding() {
        Rig r = new Rig();
        r.hart.f[FA1] = d(1.0);
        r.hart.f[FA2] = d(3.0);
        r.i(opfp(0x0d, FA2, FA1, RNE, FA0),   // fdiv.d fa0 = 1/3 nearest
            opfp(0x0d, FA2, FA1, RUP, FA3),   // fdiv.d fa3 = 1/3 up
            opfp(0x0d, FA2, FA1, DYN, 4),     // fdiv.d f4 with frm = RTZ
            csr(2, A0, 1, 0),                 // frflags a0
            ECALL);
        r.hart.writeFcsr(RTZ << 5);
        r.runToEcall();
        assertEquals(d(1.0 / 3.0), r.hart.f[FA0]);
        assertEquals(d(1.0 / 3.0) + 1, r.hart.f[FA3]);
        assertEquals(d(1.0 / 3.0), r.hart.f[4]); // 1/3 rounds down to nearest anyway
        assertEquals(Fpu.NX, r.x(A0));
        assertEquals(RTZ << 5 | Fpu.NX, r.hart.fcsr);
    }

    @Test void singlesAreUnboxedAndBoxed() {
        Rig r = new Rig();
        r.hart.f[FA1] = s(1.5f);
        r.hart.f[FA2] = s(2.25f);
        r.hart.f[FA3] = Float.floatToRawIntBits(2.25f); // upper half not all ones
        r.i(opfp(0x00, FA2, FA1, RNE, FA0),   // fadd.s fa0 = 3.75
            opfp(0x00, FA3, FA1, RNE, 5),     // fadd.s f5 = 1.5 + canonical NaN
            opfp(0x50, FA2, FA1, 1, A1),      // flt.s a1 = 1.5 < 2.25
            opfp(0x50, FA3, FA1, 2, A2),      // feq.s a2 = 1.5 == NaN (quiet: no NV)
            opfp(0x60, 0, FA0, RTZ, A3),      // fcvt.w.s a3 = 3
            opfp(0x21, 0, FA0, RNE, 6),       // fcvt.d.s f6
            opfp(0x20, 1, 6, RNE, 7),         // fcvt.s.d f7 (boxed)
            opfp(0x70, 0, 5, 1, A4),          // fclass.s a4 of the NaN: quiet NaN, bit 9
            ECALL);
        r.runToEcall();
        assertEquals(s(3.75f), r.hart.f[FA0]);
        assertEquals(BOX | Fpu.CANONICAL_NAN_S, r.hart.f[5]);
        assertEquals(1, r.x(A1));
        assertEquals(0, r.x(A2));
        assertEquals(3, r.x(A3));
        assertEquals(d(3.75), r.hart.f[6]);
        assertEquals(s(3.75f), r.hart.f[7]);
        assertEquals(1 << 9, r.x(A4));
        assertEquals(Fpu.NX, r.hart.fpu.flags); // only fcvt.w.s of 3.75 was inexact
    }

    @Test void conversionsToIntegersSignExtendAndSaturate() {
        Rig r = new Rig().set(A1, -5).set(A2, 0xffff_ffffL);
        r.hart.f[FA1] = d(-2.5);
        r.hart.f[FA2] = d(1e10);
        r.i(opfp(0x61, 0, FA1, RNE, A0),      // fcvt.w.d a0 = -2 (ties to even)
            opfp(0x61, 0, FA2, RTZ, A3),      // fcvt.w.d a3 = INT_MAX, NV
            opfp(0x61, 1, FA1, RTZ, A4),      // fcvt.wu.d a4 = 0, NV
            opfp(0x68, 1, A2, RNE, FA3),      // fcvt.s.wu fa3 = 4294967295 -> 4.2949673e9
            opfp(0x69, 0, A1, RNE, 5),        // fcvt.d.w f5 = -5
            opfp(0x61, 0, FA1, RNE, ZERO),    // fcvt.w.d x0: x0 stays 0
            ECALL);
        r.runToEcall();
        assertEquals(-2, r.x(A0));
        assertEquals(Integer.MAX_VALUE, r.x(A3));
        assertEquals(0, r.x(A4));
        assertEquals(s(4294967295f), r.hart.f[FA3]);
        assertEquals(d(-5), r.hart.f[5]);
        assertEquals(0, r.x(ZERO));
        assertTrue((r.hart.fpu.flags & Fpu.NV) != 0);
    }

    @Test void fusedMultiplyAddUsesRs3() {
        Rig r = new Rig();
        r.hart.f[1] = d(2.0);
        r.hart.f[2] = d(3.0);
        r.hart.f[3] = d(1.0);
        int fmadd = 3 << 27 | 1 << 25 | 2 << 20 | 1 << 15 | RNE << 12 | 4 << 7 | 0x43;   // fmadd.d f4 = 2*3+1
        int fnmsub = 3 << 27 | 1 << 25 | 2 << 20 | 1 << 15 | RNE << 12 | 5 << 7 | 0x4b;  // fnmsub.d f5 = -(2*3)+1
        int fmsubS = 3 << 27 | 0 << 25 | 2 << 20 | 1 << 15 | RNE << 12 | 6 << 7 | 0x47;  // fmsub.s on unboxed doubles
        r.i(fmadd, fnmsub, fmsubS, ECALL);
        r.runToEcall();
        assertEquals(d(7.0), r.hart.f[4]);
        assertEquals(d(-5.0), r.hart.f[5]);
        assertEquals(BOX | Fpu.CANONICAL_NAN_S, r.hart.f[6]);
    }

    static final String QEMU_OUTPUT = """
            div.d 3fd5555555555555
            div.s 000000003eaaaaab
            sqrt.d 40052a7fa9d2f8ea
            sqrt.s 00000000402953fd
            fma.d c00199999999999a
            fma.s 00000000c00ccccd
            cvt.w.d fffffffffffffffe
            cvt.l.s fffffffffffffffe
            cvt.d.l 43d0000000000000
            cvt.s.l 000000004ceb79a3
            cvt.s.d 000000003dcccccd
            flags 0000000000000001
            div.d 3fd5555555555555
            div.s 000000003eaaaaaa
            sqrt.d 40052a7fa9d2f8e9
            sqrt.s 00000000402953fd
            fma.d c001999999999999
            fma.s 00000000c00ccccc
            cvt.w.d fffffffffffffffe
            cvt.l.s fffffffffffffffe
            cvt.d.l 43d0000000000000
            cvt.s.l 000000004ceb79a2
            cvt.s.d 000000003dcccccc
            flags 0000000000000001
            div.d 3fd5555555555555
            div.s 000000003eaaaaaa
            sqrt.d 40052a7fa9d2f8e9
            sqrt.s 00000000402953fd
            fma.d c00199999999999a
            fma.s 00000000c00ccccd
            cvt.w.d fffffffffffffffe
            cvt.l.s fffffffffffffffe
            cvt.d.l 43d0000000000000
            cvt.s.l 000000004ceb79a2
            cvt.s.d 000000003dcccccc
            flags 0000000000000001
            div.d 3fd5555555555556
            div.s 000000003eaaaaab
            sqrt.d 40052a7fa9d2f8ea
            sqrt.s 00000000402953fe
            fma.d c001999999999999
            fma.s 00000000c00ccccc
            cvt.w.d fffffffffffffffe
            cvt.l.s fffffffffffffffe
            cvt.d.l 43d0000000000000
            cvt.s.l 000000004ceb79a3
            cvt.s.d 000000003dcccccd
            flags 0000000000000001
            div.d 3fd5555555555555
            div.s 000000003eaaaaab
            sqrt.d 40052a7fa9d2f8ea
            sqrt.s 00000000402953fd
            fma.d c00199999999999a
            fma.s 00000000c00ccccd
            cvt.w.d fffffffffffffffe
            cvt.l.s fffffffffffffffe
            cvt.d.l 43d0000000000000
            cvt.s.l 000000004ceb79a3
            cvt.s.d 000000003dcccccd
            flags 0000000000000001
            ovf 7ff0000000000000
            f1 0000000000000005
            unf 000001d74124e3d1
            f2 0000000000000003
            inv 7ff8000000000000
            f3 0000000000000010
            dz fff0000000000000
            f4 0000000000000008
            cvtbig 000000007fffffff
            f5 0000000000000010
            lt 0000000000000001
            eq 0000000000000001
            ltnan 0000000000000000
            f6 0000000000000000
            min 8000000000000000
            max.s 0000000000000000
            min.nan 4008000000000000
            f10 0000000000000010
            class 0100410884042840
            cvt.d.s 37a16c2000000000
            f7 0000000000000000
            harm.d 401df1c93a58fb3e
            harm.s 0000000040ef890a
            f8 0000000000000001
            cvt.wu 0000000000000000
            cvt.lu 8ac7230489e80000
            f9 0000000000000010
            """;

    @Test void gccFloatingPointWorkloadMatchesQemu() throws Exception {
        ElfRig e = new ElfRig("fpwork.elf", List.of("fpwork"));
        assertEquals(0, e.run(1_000_000));
        assertEquals(QEMU_OUTPUT, e.out());
    }
}
