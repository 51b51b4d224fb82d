package dev.vitrine.cpu;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static dev.vitrine.cpu.Asm.*;
import static dev.vitrine.cpu.IntegerTest.one;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** M extension, including the non-trapping division corner cases. */
class MulDivTest {
    static final int MUL = 0, MULH = 1, MULHSU = 2, MULHU = 3, DIV = 4, DIVU = 5, REM = 6, REMU = 7;

    static long m(int f3, long a, long b) { return one(Asm.m(f3, A0, A1, A2), a, b); }
    static long w(int f3, long a, long b) { return one(mw(f3, A0, A1, A2), a, b); }

    private static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);
    private static BigInteger u(long v) { return v < 0 ? BigInteger.valueOf(v).add(TWO64) : BigInteger.valueOf(v); }

    @Test void highMultipliesAgainstBigInteger() {
        long[] vals = {0, 1, -1, 2, Long.MIN_VALUE, Long.MAX_VALUE, 0x1234_5678_9abc_def0L, -0x0fed_cba9_8765_4321L};
        for (long a : vals) for (long b : vals) {
            BigInteger sa = BigInteger.valueOf(a), sb = BigInteger.valueOf(b);
            assertEquals(sa.multiply(sb).shiftRight(64).longValue(), m(MULH, a, b), "mulh " + a + " " + b);
            assertEquals(sa.multiply(u(b)).shiftRight(64).longValue(), m(MULHSU, a, b), "mulhsu " + a + " " + b);
            assertEquals(u(a).multiply(u(b)).shiftRight(64).longValue(), m(MULHU, a, b), "mulhu " + a + " " + b);
            assertEquals(a * b, m(MUL, a, b));
        }
    }

    @Test void divisionByZero() {
        assertEquals(-1, m(DIV, 42, 0));
        assertEquals(-1, m(DIVU, 42, 0));
        assertEquals(42, m(REM, 42, 0));
        assertEquals(-42, m(REMU, -42, 0));
        assertEquals(-1, w(4, 42, 0));
        assertEquals(-1, w(5, 42, 0));
        assertEquals(-5, w(6, 0xffff_ffff_ffff_fffbL, 0));
        assertEquals(-5, w(7, 0x1_ffff_fffbL, 0)); // remuw: the dividend's low word, sign-extended
    }

    @Test void overflow() {
        assertEquals(Long.MIN_VALUE, m(DIV, Long.MIN_VALUE, -1));
        assertEquals(0, m(REM, Long.MIN_VALUE, -1));
        assertEquals(Integer.MIN_VALUE, w(4, Integer.MIN_VALUE, -1));
        assertEquals(0, w(6, Integer.MIN_VALUE, -1));
    }

    @Test void signsAndUnsigned() {
        assertEquals(-3, m(DIV, -7, 2));
        assertEquals(-1, m(REM, -7, 2));
        assertEquals(Long.divideUnsigned(-7, 2), m(DIVU, -7, 2));
        assertEquals(1, m(REMU, -7, 2));
        assertEquals(0x7fff_ffffL, w(5, -2, 2));          // divuw 0xfffffffe / 2
        assertEquals(-2, w(0, 0x1_7fff_ffffL, 2));         // mulw keeps 32 bits, sign-extends
        assertEquals(-3, w(4, 0x1_ffff_fff9L, 2));         // divw uses the low words
    }
}
