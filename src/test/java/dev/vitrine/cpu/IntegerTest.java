package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** RV64I arithmetic, shifts, W forms, comparisons, branches and jumps. */
class IntegerTest {
    /** Runs one instruction with a1 = a, a2 = b and returns a0. */
    private static final Rig SHARED = new Rig();

    static long one(int insn, long a, long b) {
        Rig r = SHARED.reset().i(insn, ECALL).set(A1, a).set(A2, b);
        r.runToEcall();
        assertEquals(1, r.hart.instret);
        return r.x(A0);
    }

    @Test void addSubWrapAndWForms() {
        assertEquals(Long.MIN_VALUE, one(add(A0, A1, A2), Long.MAX_VALUE, 1));
        assertEquals(Long.MAX_VALUE, one(sub(A0, A1, A2), Long.MIN_VALUE, 1));
        assertEquals(Integer.MIN_VALUE, one(addw(A0, A1, A2), Integer.MAX_VALUE, 1));
        assertEquals(-1, one(subw(A0, A1, A2), 0x1_0000_0000L, 1));
        assertEquals(0x7fffffffL, one(addiw(A0, A1, -1), 0x8000_0000L, 0));
        assertEquals(5, one(addiw(A0, A1, 0), 0xffff_ffff_0000_0005L, 0)); // sext.w
        assertEquals(-1, one(addi(A0, A1, -2048), 2047, 0));
    }

    @Test void logicAndCompare() {
        assertEquals(0xf0, one(xori(A0, A1, 0xff), 0x0f, 0));
        assertEquals(-1, one(ori(A0, A1, -1), 0, 0));
        assertEquals(0x7f0, one(andi(A0, A1, 0x7f0), -1, 0));
        assertEquals(1, one(slt(A0, A1, A2), -1, 0));
        assertEquals(0, one(sltu(A0, A1, A2), -1, 0));
        assertEquals(1, one(sltiu(A0, A1, -1), 5, 0)); // imm sign-extends, then compares unsigned
        assertEquals(1, one(slti(A0, A1, -1), Long.MIN_VALUE, 0));
        assertEquals(1, one(sltu(A0, ZERO, A2), 0, 7)); // snez
    }

    @Test void shifts() {
        assertEquals(Long.MIN_VALUE, one(slli(A0, A1, 63), 1, 0));
        assertEquals(1, one(srli(A0, A1, 63), -1, 0));
        assertEquals(-1, one(srai(A0, A1, 63), Long.MIN_VALUE, 0));
        assertEquals(2, one(sll(A0, A1, A2), 1, 65)); // only 6 bits of the amount count
        assertEquals(-1, one(sra(A0, A1, A2), -1, 200));
        assertEquals(Integer.MIN_VALUE, one(slliw(A0, A1, 31), 1, 0));
        assertEquals(1, one(srliw(A0, A1, 31), 0xffff_ffffL, 0));
        assertEquals(0x7fffffffL, one(srliw(A0, A1, 1), -1, 0));
        assertEquals(-1, one(sraiw(A0, A1, 31), 0x8000_0000L, 0));
        assertEquals(0xffff_ffff_8000_0000L, one(sllw(A0, A1, A2), 1, 63)); // 5 bits: 31
        assertEquals(1, one(srlw(A0, A1, A2), 0x1_8000_0000L, 31));
        assertEquals(-2, one(sraw(A0, A1, A2), 0x8000_0000L, 30));
    }

    @Test void luiAuipcSignExtend() {
        assertEquals(0xffff_ffff_8000_0000L, one(lui(A0, 0x80000), 0, 0));
        assertEquals(Rig.CODE - 0x1000, one(auipc(A0, 0xfffff), 0, 0));
    }

    @Test void x0StaysZero() {
        Rig r = new Rig().i(addi(ZERO, ZERO, 5), lui(ZERO, 1), jal(ZERO, 4), lw(ZERO, A1, 0),
                csr(2, ZERO, 0xc02, 0), add(A0, ZERO, ZERO), ECALL).set(A1, Rig.DATA);
        r.mem.write32(Rig.DATA, 77);
        r.runToEcall();
        assertEquals(0, r.x(ZERO));
        assertEquals(0, r.x(A0));
    }

    @Test void branchesTakenAndNot() {
        long[][] cases = { // a, b, then expected taken for beq bne blt bge bltu bgeu
            {1, 1, 1, 0, 0, 1, 0, 1},
            {-1, 1, 0, 1, 1, 0, 0, 1},
            {1, -1, 0, 1, 0, 1, 1, 0},
            {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, 1, 0, 0, 1},
        };
        int[] f3 = {0, 1, 4, 5, 6, 7};
        for (long[] c : cases) {
            for (int k = 0; k < 6; k++) {
                // branch +8 skips "li a0, 1"; a0 = 1 means not taken
                Rig r = new Rig().i(b(8, A2, A1, f3[k]), li(A0, 1), ECALL).set(A1, c[0]).set(A2, c[1]);
                r.runToEcall();
                assertEquals(c[2 + k] == 1 ? 0 : 1, r.x(A0), "funct3 " + f3[k] + " on " + c[0] + ", " + c[1]);
            }
        }
    }

    @Test void backwardBranchLoop() {
        // a0 = 0; a1 = 10; loop: a0 += a1; a1 -= 1; bnez a1, loop
        Rig r = new Rig().i(li(A0, 0), li(A1, 10), add(A0, A0, A1), addi(A1, A1, -1), bne(A1, ZERO, -8), ECALL);
        r.runToEcall();
        assertEquals(55, r.x(A0));
        assertEquals(2 + 3 * 10, r.hart.instret);
    }

    @Test void jalAndJalrLinkAndClearBit0() {
        long base = Rig.CODE;
        // 0: jal ra, +12   4: ecall   8: nop   12: jalr t0, 1(a1) with a1 = base+3 -> target base+4 (bit 0 cleared)
        Rig r = new Rig().i(jal(RA, 12), ECALL, NOP, jalr(T0, A1, 1)).set(A1, base + 3);
        r.runToEcall();
        assertEquals(base + 4, r.x(RA));
        assertEquals(base + 16, r.x(T0));
        assertEquals(base + 4, r.hart.pc);
    }

    @Test void jalrWithRdEqualRs1UsesOldValue() {
        long base = Rig.CODE;
        Rig r = new Rig().i(jalr(A1, A1, 0), NOP, ECALL).set(A1, base + 8);
        r.runToEcall();
        assertEquals(base + 4, r.x(A1));
        assertEquals(base + 8, r.hart.pc);
    }

    @Test void budgetStopsAtLimitAndResumes() {
        Rig r = new Rig().i(li(A0, 1), li(A1, 2), li(A2, 3), ECALL);
        assertEquals(Trap.LIMIT, r.run(2));
        assertEquals(Rig.CODE + 8, r.hart.pc);
        assertEquals(2, r.hart.instret);
        assertEquals(0, r.x(A2));
        assertEquals(Trap.ECALL, r.run(10));
        assertEquals(3, r.x(A2));
        assertEquals(Rig.CODE + 12, r.hart.pc);
        assertEquals(3, r.hart.instret); // the ecall itself traps, it does not retire
        assertEquals(Trap.LIMIT, r.run(0));
    }
}
