package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.*;

class RvcTest {
    /** Compressed words and the 32-bit instruction each stands for, both from riscv64-linux-gnu-as. */
    private static final String PAIRS = "0800 01010413;1ffc 3fc10793;2588 0085b507;41c8 0045a503;5ef0 07c6a603;7de8 0f85b503;"
            + "aa0c 00b63827;c3b8 04e7a023;e3d8 08e7b023;0001 00000013;1501 fe050513;057d 01f50513;35fd fff5859b;"
            + "5665 ff900613;7685 fffe16b7;6685 000016b7;7101 e0010113;617d 1f010113;917d 03f55513;8585 4015d593;"
            + "9a79 ffe67613;8c05 40940433;8c25 00944433;8c45 00946433;8c65 00947433;9c05 4094043b;9c25 0094043b;"
            + "affd 7fe0006f;b001 801ff06f;cd7d 0e050f63;f101 f00510e3;157e 03f51513;367e 1f813607;557e 0fc12503;"
            + "75fe 1f813583;8082 00008067;852e 00058513;9002 00100073;9782 000780e7;952e 00b50533;bfb6 1ed13c27;"
            + "dfaa 0ea12e23;ffae 1eb13c23";

    @Test void everyCompressedFormExpandsToItsTwin() {
        for (String pair : PAIRS.split(";")) {
            String[] p = pair.split(" ");
            int c = Integer.parseUnsignedInt(p[0], 16), w = Integer.parseUnsignedInt(p[1], 16);
            long expect = Op.compress(Decoder.decode(w));
            assertEquals(Long.toHexString(expect), Long.toHexString(Rvc.decode(c)), "c " + p[0] + " vs " + p[1]);
        }
    }

    @Test void reservedEncodingsAreIllegal() {
        int[] reserved = {
            0x0000,                 // all zeros (c.addi4spn nzuimm=0)
            0x0004,                 // c.addi4spn rd'=s1 imm=0
            0x8000,                 // quadrant 0 funct3 100 (Zcb)
            0x2001 | 0 << 7,        // c.addiw rd=0
            0x6101 & ~0x107c | 2 << 7, // c.addi16sp imm=0
            0x6281 & ~0x107c,       // c.lui t0, 0
            0x9c41,                 // c.subw-group funct2 10 (reserved)
            0x9c61,                 // funct2 11 (reserved)
            0x4002,                 // c.lwsp rd=0
            0x6002,                 // c.ldsp rd=0
            0x8002,                 // c.jr x0
        };
        for (int c : reserved) {
            Rig r = new Rig().c(c).i(ECALL);
            assertEquals(Trap.ILLEGAL, r.run(10), "0x" + Integer.toHexString(c));
            assertEquals(c, r.hart.trapValue, "tval of 0x" + Integer.toHexString(c));
            assertEquals(Rig.CODE, r.hart.pc);
            assertEquals(0, r.hart.instret);
        }
    }

    @Test void stackPointerForms() {
        Rig r = new Rig().set(SP, 0x300000);
        r.c(0x7101)        // c.addi16sp sp, -512
         .c(0x617d)        // c.addi16sp sp, 496
         .c(0x0800)        // c.addi4spn s0, sp, 16
         .c(0xdfaa)        // c.swsp a0, 252(sp)
         .c(0xffae)        // c.sdsp a1, 504(sp)
         .c(0x75fe)        // c.ldsp a1, 504(sp) -> reload into a1
         .i(ECALL);
        r.set(A0, 0x1234_5678_9abc_def0L).set(A1, -3);
        r.runToEcall();
        assertEquals(0x300000 - 16, r.x(SP));
        assertEquals(0x300000, r.x(S0));
        assertEquals(0x9abcdef0, r.mem.read32(0x300000 - 16 + 252));
        assertEquals(-3, r.mem.read64(0x300000 - 16 + 504));
        assertEquals(-3, r.x(A1));
        assertEquals(Rig.CODE + 12, r.hart.pc);
        assertEquals(6, r.hart.instret);
    }

    @Test void luiAddiwAndImmediates() {
        Rig r = new Rig();
        r.c(0x7685)        // c.lui a3, 0xfffe1 -> a3 = 0xffff_ffff_fffe_1000
         .c(0x5665)        // c.li a2, -7
         .c(0x35fd)        // c.addiw a1, -1
         .c(0x1501)        // c.addi a0, -32
         .c(0x9a79)        // c.andi a2, -2
         .i(ECALL);
        r.set(A1, 0x8000_0000L).set(A0, 40);
        r.runToEcall();
        assertEquals(0xffff_ffff_fffe_1000L, r.x(A3));
        assertEquals(-8, r.x(A2));
        assertEquals(0x7fff_ffffL, r.x(A1)); // 0x80000000 - 1 in 32 bits, sign-extended
        assertEquals(8, r.x(A0));
    }

    @Test void shiftsAndRegisterOps() {
        Rig r = new Rig();
        r.c(0x917d)        // c.srli a0, 63
         .c(0x8585)        // c.srai a1, 1
         .c(0x157e)        // c.slli a0, 63
         .c(0x9c05)        // c.subw s0, s1
         .c(0x852e)        // c.mv a0, a1  (overwrites a0)
         .c(0x952e)        // c.add a0, a1
         .i(ECALL);
        r.set(A0, -1).set(A1, -8).set(S0, 0x1_0000_0000L).set(S1, 1);
        r.runToEcall();
        assertEquals(-4, r.x(A1));
        assertEquals(-8, r.x(A0));
        assertEquals(-1, r.x(S0)); // (0 - 1) in 32 bits
    }

    @Test void jumpsAndBranches() {
        Rig r = new Rig();
        long base = Rig.CODE;
        r.c(0x9782)        // base+0: c.jalr a5 -> base+8
         .c(0x0001)        // base+2: c.nop (skipped)
         .i(ECALL)         // base+4: reached on return? no: we check which path
         .c(0xc119)        // base+8: c.beqz a0, +6 -> base+14
         .c(0x0001)        // base+10
         .c(0x0001)        // base+12
         .c(0x8082);       // base+14: c.jr ra -> base+2
        r.set(A5, base + 8).set(A0, 0);
        r.runToEcall();
        assertEquals(base + 4, r.hart.pc);
        assertEquals(base + 2, r.x(RA));
        assertEquals(4, r.hart.instret); // jalr, beqz, jr, nop
    }

    @Test void ebreakIsABreakpointAtItsPc() {
        Rig r = new Rig().c(0x0001, 0x9002);
        assertEquals(Trap.BREAKPOINT, r.run(10));
        assertEquals(Rig.CODE + 2, r.hart.pc);
        assertEquals(1, r.hart.instret);
    }
}
