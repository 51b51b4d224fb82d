package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import static dev.vitrine.cpu.Asm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The test assembler agrees with riscv64-linux-gnu-as (expected words copied from objdump). */
class AsmTest {
    private static void is(int expected, int actual) { assertEquals(Integer.toHexString(expected), Integer.toHexString(actual)); }

    @Test void baseEncodings() {
        is(0x01010413, addi(S0, SP, 16));
        is(0x07c6a603, lw(A2, A3, 124));
        is(0x08e7b023, sd(A4, A5, 128));
        is(0xfff5859b, addiw(A1, A1, -1));
        is(0xfffe16b7, lui(A3, 0xfffe1));
        is(0x4015d593, srai(A1, A1, 1));
        is(0x41f5d51b, sraiw(A0, A1, 31));
        is(0x40940433, sub(S0, S0, S1));
        is(0x7fe0006f, jal(ZERO, 2046));
        is(0x801ff06f, jal(ZERO, -2048));
        is(0x7ffff0ef, jal(RA, 1048574));
        is(0x0e050f63, beq(A0, ZERO, 254));
        is(0xf00510e3, bne(A0, ZERO, -256));
        is(0x80b54063, blt(A0, A1, -4096));
        is(0x7eb57fe3, bgeu(A0, A1, 4094));
        is(0x000780e7, jalr(RA, A5, 0));
    }

    @Test void extensionEncodings() {
        is(0x02c5a533, m(2, A0, A1, A2));
        is(0x02c5f53b, mw(7, A0, A1, A2));
        is(0x1405a52f, lr(2, A0, A1) | 1 << 26);
        is(0x1ae7b6af, sc(3, A3, A5, A4) | 1 << 25);
        is(0x08b6252f, amo(0b00001, 2, A0, A2, A1));
        is(0xe6b6352f, amo(0b11100, 3, A0, A2, A1) | 3 << 25);
        is(0x00302573, csr(2, A0, 3, 0));
        is(0x0021d073, csr(5, 0, 2, 3));
        is(0x001635f3, csr(3, A1, 1, A2));
        is(0x22c59553, opfp(0x11, 12, 11, 1, 10));
        is(0xe0058553, opfp(0x70, 0, 11, 0, 10));
        is(0xf0058553, opfp(0x78, 0, 11, 0, 10));
        is(0xff85b507, fld(10, A1, -8));
        is(0x7eb62fa7, fsw(11, A2, 2047));
    }
}
