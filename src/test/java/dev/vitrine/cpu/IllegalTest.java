package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** Unsupported and reserved 32-bit encodings trap ILLEGAL with the bits, never a Java exception. */
class IllegalTest {
    private static void illegal(int insn) {
        Rig r = new Rig().set(A0, 11).i(insn, ECALL);
        assertEquals(Trap.ILLEGAL, r.run(10), Integer.toHexString(insn));
        assertEquals(insn & 0xffffffffL, r.hart.trapValue, Integer.toHexString(insn));
        assertEquals(Rig.CODE, r.hart.pc);
        assertEquals(0, r.hart.instret);
        assertEquals(11, r.x(A0), "no register written");
    }

    @Test void otherExtensions() {
        illegal(0x40c5f533); // andn (Zbb)
        illegal(0x60059513); // clz
        illegal(0x20c5a533); // sh1add (Zba)
        illegal(0x6b85d513); // rev8
        illegal(0x0d0572d7); // vsetvli (V)
        illegal(0x022180d7); // vadd.vv
        illegal(0x0045200f); // cbo.zero
        illegal(0x04c5f553); // fadd.h (Zfh)
        illegal(0x12000073); // sfence.vma: privileged
        illegal(0x0e05_5533); // czero.eqz (Zicond): OP funct7 0x07
    }

    @Test void reservedBitsInBaseInstructions() {
        illegal(0xffffffff);                              // 0xffffffff
        illegal(slli(A0, A1, 0) | 0x800 << 20);           // slli with imm[11] set
        illegal(srai(A0, A1, 1) | 1 << 26 | 1 << 29);     // funct6 neither 000000 nor 010000
        illegal(slliw(A0, A1, 1) | 1 << 25);              // slliw shamt[5] set
        illegal(jalr(A0, A1, 0) | 1 << 12);               // jalr funct3 != 0
        illegal(b(8, A1, A0, 2));                         // branch funct3 2
        illegal(i(0, A1, 7, A0, 0x03));                   // load funct3 7
        illegal(s(0, A1, A0, 4, 0x23));                   // store funct3 4
        illegal(r(0x20, A2, A1, 1, A0, 0x33));            // OP funct7 0x20 with funct3 1
        illegal(r(0, A2, A1, 2, A0, 0x3b));               // OP-32 funct3 2
        illegal(0x0000_200f);                             // MISC-MEM funct3 2
        illegal(0x0000_007f);                             // 64-bit+ encoding space
        illegal(0x0000_005b);                             // custom-2
        illegal(csr(1, A0, 0x004, A1));                   // csrrw on an unknown user CSR
    }

    @Test void fpReservedRoundingModes() {
        illegal(opfp(0x01, 12, 11, 5, 10));  // fadd.d rm=5
        illegal(opfp(0x00, 12, 11, 6, 10));  // fadd.s rm=6
        illegal(r(0x10, 12, 11, 3, 10, 0x53)); // fsgnj funct3 3
        illegal(r(0x02, 12, 11, 0, 10, 0x53)); // fadd with fmt 2 (Q)
        illegal(opfp(0x2c, 1, 11, 0, 10));   // fsqrt.s with rs2 != 0
    }

    @Test void dynamicRoundingWithBadFrmIsIllegalAtRunTime() {
        int fsgnj = opfp(0x11, 12, 11, 0, 10);     // no rm field: fine whatever frm is
        int fcvtds = opfp(0x21, 0, 11, 7, 10);     // fcvt.d.s with rm = DYN
        Rig r = new Rig().i(fsgnj, fcvtds, ECALL);
        r.hart.writeFcsr(5 << 5);
        assertEquals(Trap.ILLEGAL, r.run(10));
        assertEquals(Rig.CODE + 4, r.hart.pc);
        assertEquals(fcvtds & 0xffffffffL, r.hart.trapValue);
        assertEquals(1, r.hart.instret);
    }

    @Test void ecallAndEbreak() {
        Rig r = new Rig().i(NOP, EBREAK);
        assertEquals(Trap.BREAKPOINT, r.run(10));
        assertEquals(Rig.CODE + 4, r.hart.pc);
        r = new Rig().i(FENCE, ECALL);
        assertEquals(Trap.ECALL, r.run(10));
        assertEquals(Rig.CODE + 4, r.hart.pc);
        assertEquals(1, r.hart.instret);
    }
}
