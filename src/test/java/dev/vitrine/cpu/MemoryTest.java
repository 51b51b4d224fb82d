package dev.vitrine.cpu;

import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Pte;
import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** Loads, stores, misaligned accesses within and across pages, and page-fault reporting. */
class MemoryTest {
    static final long D = Rig.DATA;

    @Test void loadsExtendBySize() {
        Rig r = new Rig().set(A1, D);
        r.mem.write64(D, 0x8081_8283_8485_8687L);
        r.i(lb(A0, A1, 0), lbu(A2, A1, 0), lh(A3, A1, 0), lhu(A4, A1, 0), lw(A5, A1, 0), lwu(A6, A1, 0), ld(A7, A1, 0), ECALL);
        r.runToEcall();
        assertEquals((byte) 0x87, r.x(A0));
        assertEquals(0x87, r.x(A2));
        assertEquals((short) 0x8687, r.x(A3));
        assertEquals(0x8687, r.x(A4));
        assertEquals(0xffff_ffff_8485_8687L, r.x(A5));
        assertEquals(0x8485_8687L, r.x(A6));
        assertEquals(0x8081_8283_8485_8687L, r.x(A7));
    }

    @Test void storesWriteOnlyTheirBytes() {
        Rig r = new Rig().set(A1, D).set(A2, 0x1122_3344_5566_7788L);
        r.i(sd(A2, A1, 0), sb(ZERO, A1, 0), sh(ZERO, A1, 2), sw(A2, A1, 12), ECALL);
        r.runToEcall();
        assertEquals(0x1122_3344_0000_7700L, r.mem.read64(D));
        assertEquals(0x5566_7788, r.mem.read32(D + 12));
        assertEquals(0, r.mem.read32(D + 8));
        assertEquals(0, r.mem.read32(D + 16));
    }

    @Test void misalignedWithinAPage() {
        Rig r = new Rig().set(A1, D + 1).set(A2, 0x0102_0304_0506_0708L);
        r.i(sd(A2, A1, 0), lw(A3, A1, 2), lh(A4, A1, 5), ECALL);
        r.runToEcall();
        assertEquals(0x0102_0304_0506_0708L, r.mem.read64(D + 1));
        assertEquals(0x0304_0506, r.x(A3));
        assertEquals(0x0203, r.x(A4));
    }

    @Test void misalignedAcrossPages() {
        long edge = D + 0x1000;
        Rig r = new Rig().set(A1, edge - 3).set(A2, 0x0102_0304_0506_0708L);
        r.i(sd(A2, A1, 0), ld(A3, A1, 0), lwu(A4, A1, 1), lh(A5, A1, 2), ECALL);
        r.runToEcall();
        assertEquals(0x0102_0304_0506_0708L, r.x(A3));
        assertEquals(0x0405_0607L, r.x(A4));
        assertEquals(0x0506, r.x(A5));
        assertEquals(0x08, r.mem.read8(edge - 3));
        assertEquals(0x01, r.mem.read8(edge + 4));
    }

    @Test void crossPageStoreIntoAGuardPageWritesNothing() {
        long edge = D + 0x1000;
        Rig r = new Rig().set(A1, edge - 4).set(A2, -1);
        r.map(edge, Pte.V | Pte.R | Pte.U | Pte.A); // read-only
        r.i(li(A0, 5), sd(A2, A1, 0), ECALL);
        assertEquals(Trap.PAGE_FAULT, r.run(100));
        assertEquals(Rig.CODE + 4, r.hart.pc);
        assertEquals(1, r.hart.instret);
        assertEquals(edge, r.hart.trapValue); // the guard page's start, as Linux reports
        assertEquals(Access.STORE, r.mmu.faultAccess());
        assertEquals(0, r.mem.read32(edge - 4));
    }

    @Test void loadFaultLeavesStateAlone() {
        Rig r = new Rig().set(A1, 0x8).set(A0, 99);
        r.i(li(A2, 1), ld(A0, A1, 8), li(A3, 1), ECALL);
        assertEquals(Trap.PAGE_FAULT, r.run(100));
        assertEquals(0x10, r.hart.trapValue);
        assertEquals(Rig.CODE + 4, r.hart.pc);
        assertEquals(1, r.hart.instret);
        assertEquals(99, r.x(A0));
        assertEquals(Access.LOAD, r.mmu.faultAccess());
        // the kernel maps the page and resumes at the same instruction
        r.hart.x[A1] = D;
        assertEquals(Trap.ECALL, r.run(100));
        assertEquals(0, r.x(A0));
        assertEquals(3, r.hart.instret);
    }

    @Test void loadIntoX0StillFaults() {
        int[] loads = { lb(ZERO, A1, 0), lhu(ZERO, A1, 0), lw(ZERO, A1, 0), ld(ZERO, A1, 0) };
        for (int insn : loads) {
            Rig r = new Rig().set(A1, 0x8).i(insn, ECALL);
            assertEquals(Trap.PAGE_FAULT, r.run(10));
            assertEquals(0x8, r.hart.trapValue);
            assertEquals(0, r.hart.instret);
        }
        // ... and across a page boundary into an unmapped page
        Rig r = new Rig().set(A1, D + 0xffe).i(ld(ZERO, A1, 0), ECALL);
        r.map(D + 0x1000, 0);
        assertEquals(Trap.PAGE_FAULT, r.run(10));
        assertEquals(D + 0x1000, r.hart.trapValue);
    }

    @Test void storeToReadOnlyFaults() {
        Rig r = new Rig().set(A1, D).set(A2, 7);
        r.map(D, Pte.V | Pte.R | Pte.U | Pte.A);
        r.i(sw(A2, A1, 0), ECALL);
        assertEquals(Trap.PAGE_FAULT, r.run(10));
        assertEquals(D, r.hart.trapValue);
        assertEquals(0, r.mem.read32(D));
    }

    @Test void fetchFaultsAtTheTarget() {
        long target = 0x100000;
        Rig r = new Rig().i(jal(RA, (int) (target - Rig.CODE)));
        r.map(target, Pte.V | Pte.R | Pte.W | Pte.U | Pte.A | Pte.D); // no X
        assertEquals(Trap.PAGE_FAULT, r.run(10));
        assertEquals(target, r.hart.pc);
        assertEquals(target, r.hart.trapValue);
        assertEquals(Access.FETCH, r.mmu.faultAccess());
        assertEquals(Rig.CODE + 4, r.x(RA));
        assertEquals(1, r.hart.instret);
    }

    @Test void instructionStraddlingTwoPages() {
        long page2 = Rig.CODE + 0x1000;
        Rig r = new Rig().org(page2 - 2).i(li(A0, 42), ECALL);
        r.hart.pc = page2 - 2;
        r.runToEcall();
        assertEquals(42, r.x(A0));
        // the second half's page disappears: a fetch fault on it, pc still at the instruction
        r.reset();
        r.hart.pc = page2 - 2;
        r.map(page2, 0);
        assertEquals(Trap.PAGE_FAULT, r.run(10));
        assertEquals(page2 - 2, r.hart.pc);
        assertEquals(page2, r.hart.trapValue);
        assertEquals(0, r.hart.instret);
    }

    @Test void straddlingIllegalInstructionReportsAllItsBits() {
        long page2 = Rig.CODE + 0x1000;
        int andn = 0x40c5f533; // Zbb: not ours
        Rig r = new Rig().org(page2 - 2).i(andn);
        r.hart.pc = page2 - 2;
        assertEquals(Trap.ILLEGAL, r.run(10));
        assertEquals(andn & 0xffffffffL, r.hart.trapValue);
        assertEquals(page2 - 2, r.hart.pc);
    }

    @Test void straddlingInstructionIsRereadEachTime() {
        long page2 = Rig.CODE + 0x1000;
        // loop over: [page2-2] addi a0, a0, 1 ; ecall
        Rig r = new Rig().org(page2 - 2).i(addi(A0, A0, 1), ECALL);
        r.hart.pc = page2 - 2;
        r.runToEcall();
        // change the upper half (immediate 1 -> 0x7ff keeps rs1/rd) behind the hart's back
        r.mem.write32(page2 - 2, addi(A0, A0, 0x7ff));
        r.hart.pc = page2 - 2;
        r.runToEcall();
        assertEquals(1 + 0x7ff, r.x(A0));
    }
}
