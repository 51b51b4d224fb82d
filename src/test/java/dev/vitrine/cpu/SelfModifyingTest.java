package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

/** Decoded code never outlives the bytes it came from. */
class SelfModifyingTest {
    @Test void storeIntoTheRunningPageTakesEffect() {
        long base = Rig.CODE;
        // 0: li a0, 0
        // 4: addi a0, a0, 1     <- patched to addi a0, a0, 100 on the first pass
        // 8: sw a1, 4(t0)       t0 = base, a1 = the new instruction
        // 12: addi a2, a2, 1
        // 16: blt a2, a3, -12   runs the addi at 4 again (a3 = 2)
        // 20: ecall
        Rig r = new Rig().i(li(A0, 0), addi(A0, A0, 1), sw(A1, T0, 4), addi(A2, A2, 1), blt(A2, A3, -12), ECALL);
        r.set(T0, base).set(A1, addi(A0, A0, 100)).set(A3, 2);
        r.runToEcall();
        assertEquals(101, r.x(A0));
    }

    @Test void compressedPatchOfTheNextInstruction() {
        // sh a1, 8(t0) overwrites the c.nop right after it with c.li a0, 7
        Rig r = new Rig().i(NOP, sh(A1, T0, 8)).c(0x0001).i(ECALL);
        r.set(T0, Rig.CODE).set(A1, 0x451d); // c.li a0, 7
        r.runToEcall();
        assertEquals(7, r.x(A0));
    }

    @Test void storeIntoABlockThenItsStraddlingLastInstructionJumpsBack() {
        // the store drops the block we run in; the straddling jal (never cached) returns into it
        long page2 = Rig.CODE + 0x1000;
        Rig r = new Rig().org(page2 - 14).i(addi(A0, A0, 1), bge(A0, A1, 12), sw(ZERO, T0, 0), jal(ZERO, -12), ECALL);
        r.set(T0, page2 - 0x800).set(A1, 3);
        r.hart.pc = page2 - 14;
        r.runToEcall();
        assertEquals(3, r.x(A0));
    }

    @Test void amoAndScInvalidateToo() {
        // amoswap.w patches the instruction at 12 before it runs
        Rig r = new Rig().i(Asm.amo(0b00001, 2, ZERO, T0, A1), NOP, NOP, li(A0, 1), ECALL);
        r.set(T0, Rig.CODE + 12).set(A1, li(A0, 55));
        r.runToEcall();
        assertEquals(55, r.x(A0));
    }

    @Test void kernelWritesAreSeenAfterInvalidateFrame() {
        Rig r = new Rig().i(li(A0, 1), ECALL);
        r.runToEcall();
        r.mem.write32(Rig.CODE, li(A0, 2)); // behind the hart's back, as exec or read() would
        r.hart.invalidateFrame(Rig.CODE >>> 12);
        r.hart.pc = Rig.CODE;
        r.runToEcall();
        assertEquals(2, r.x(A0));
    }

    @Test void fenceIFlushesEverything() {
        Rig r = new Rig().i(li(A0, 1), ECALL);
        r.runToEcall();
        r.mem.write32(Rig.CODE, li(A0, 3));
        r.hart.flushDecoded();
        r.hart.pc = Rig.CODE;
        r.runToEcall();
        assertEquals(3, r.x(A0));
        // and from the guest: fence.i between the patch and its execution
        r = new Rig().i(FENCE_I, li(A0, 1), ECALL);
        r.runToEcall();
        r.mem.write32(Rig.CODE + 4, li(A0, 4));
        r.hart.pc = Rig.CODE;
        r.runToEcall();
        assertEquals(4, r.x(A0));
    }

    @Test void decodedCodeIsSharedBetweenHartsOnOneMemory() {
        Rig r = new Rig().i(li(A0, 1), ECALL);
        Hart other = new Hart(r.mmu);
        other.pc = Rig.CODE;
        assertEquals(Trap.ECALL, other.run(10));
        // a store by the first hart must reach the second hart's view of the code
        r.i(sw(A1, T0, 0), ECALL).set(T0, Rig.CODE).set(A1, li(A0, 9));
        r.hart.pc = Rig.CODE + 8;
        r.runToEcall();
        other.pc = Rig.CODE;
        assertEquals(Trap.ECALL, other.run(10));
        assertEquals(9, other.x[A0]);
    }
}
