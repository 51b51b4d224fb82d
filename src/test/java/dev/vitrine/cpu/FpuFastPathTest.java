package dev.vitrine.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The Fpu's fast paths (Java arithmetic plus error-free transformations) against the exact
 * integer implementation in SoftFloat, on many more seeded random operands than the oracle
 * table holds, biased toward cancellation, ties and range boundaries. SoftFloat itself is
 * checked against qemu by FpuOracleTest.
 */
class FpuFastPathTest {
    private static final int ROUNDS = 8_000;
    private static final FpFormat D = FpFormat.DOUBLE, S = FpFormat.SINGLE;

    private final SplittableRandom random = new SplittableRandom(20261126);
    private final List<String> failures = new ArrayList<>();
    private int checks;

    private long randomDouble() {
        long bits = random.nextLong();
        switch (random.nextInt(7)) {
            case 0: return bits; // anything, NaNs included
            case 1: return (bits & 0x800f_ffff_ffff_ffffL) | (long) (1023 + random.nextInt(-8, 8)) << 52;
            case 2: return (bits & 0x800f_ffff_ffff_ffffL) | (long) random.nextInt(0, 2047) << 52; // finite
            case 3: return (bits & 0x800f_f000_0000_0000L) | (long) (1023 + random.nextInt(-4, 4)) << 52; // short
            case 4: return (bits & 0x800f_ffff_ffff_ffffL) | (long) (random.nextBoolean() ? random.nextInt(1, 80) : random.nextInt(1960, 2047)) << 52;
            case 5: return (bits & 0x8000_0000_0000_000fL) | (long) (1023 + random.nextInt(-30, 30)) << 52;
            default: return (bits & 0x800f_ffff_ffff_ffffL) | (long) (1023 + random.nextInt(-2, 66)) << 52; // integer range
        }
    }

    private int randomSingle() {
        int bits = random.nextInt();
        switch (random.nextInt(6)) {
            case 0: return bits;
            case 1: return (bits & 0x807f_ffff) | (127 + random.nextInt(-8, 8)) << 23;
            case 2: return (bits & 0x807f_ffff) | (random.nextBoolean() ? random.nextInt(0, 30) : random.nextInt(225, 255)) << 23;
            case 3: return (bits & 0x807f_0000) | (127 + random.nextInt(-4, 4)) << 23;
            case 4: return (bits & 0x8000_000f) | (127 + random.nextInt(-30, 30)) << 23;
            default: return (bits & 0x807f_ffff) | (127 + random.nextInt(-2, 66)) << 23; // integer range
        }
    }

    /** Compares one fast result and its flags with the exact path's. */
    private void check(String op, Supplier<String> args, long fast, int fastFlags, long exact, int exactFlags) {
        checks++;
        if ((fast != exact || fastFlags != exactFlags) && failures.size() < 30) {
            failures.add(String.format("%s%s: fast %x/%x exact %x/%x", op, args.get(), fast, fastFlags, exact, exactFlags));
        }
    }

    private void assertNoFailures() {
        assertEquals(List.of(), failures, checks + " checks");
    }

    @Test
    void doubleArithmeticMatchesExactPath() {
        for (int i = 0; i < ROUNDS; i++) {
            long a = randomDouble(), b = randomDouble();
            if (i % 4 == 0) b = Double.doubleToRawLongBits(-Double.longBitsToDouble(a) * (1 + 0x1p-40 * random.nextInt(-4, 4)));
            if (i % 4 == 1) b = (a & 0x800f_ffff_ffff_ffffL) ^ (long) random.nextInt(-60, 60) + 0x3ff0_0000_0000_0000L;
            long ta = a, tb = b;
            for (int rm = 0; rm <= 4; rm++) {
                int mode = rm;
                Supplier<String> args = () -> String.format("(%x, %x) rm=%d", ta, tb, mode);
                Fpu fast = new Fpu(), exact = new Fpu();
                check("fadd_d", args, fast.fadd_d(a, b, rm), fast.flags, SoftFloat.add(D, a, b, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fmul_d", args, fast.fmul_d(a, b, rm), fast.flags, SoftFloat.mul(D, a, b, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fdiv_d", args, fast.fdiv_d(a, b, rm), fast.flags, SoftFloat.div(D, a, b, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fsqrt_d", args, fast.fsqrt_d(a, rm), fast.flags, SoftFloat.sqrt(D, a, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fcvt_s_d", args, fast.fcvt_s_d(a, rm) & 0xffffffffL, fast.flags,
                        SoftFloatConvert.convert(D, S, a, rm, exact), exact.flags);
                for (FpIntKind kind : FpIntKind.values()) {
                    fast = new Fpu(); exact = new Fpu();
                    long got = switch (kind) {
                        case W -> fast.fcvt_w_d(a, rm);
                        case WU -> fast.fcvt_wu_d(a, rm);
                        case L -> fast.fcvt_l_d(a, rm);
                        case LU -> fast.fcvt_lu_d(a, rm);
                    };
                    check("fcvt_" + kind + "_d", args, got, fast.flags, SoftFloatConvert.toInt(D, a, kind, rm, exact), exact.flags);
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void doubleFusedMultiplyAddMatchesExactPath() {
        for (int i = 0; i < ROUNDS; i++) {
            long a = randomDouble(), b = randomDouble(), c = randomDouble();
            if (i % 3 == 0) { // c nearly cancels a*b: the single rounding matters most here
                double p = Double.longBitsToDouble(a) * Double.longBitsToDouble(b);
                c = Double.doubleToRawLongBits(-p) + random.nextInt(-3, 4);
            }
            if (i % 3 == 1) { // c tiny or huge next to a*b, so it only decides a tie or a direction
                c = (c & 0x800f_ffff_ffff_ffffL) | ((long) (((a >>> 52) & 0x7ff) + ((b >>> 52) & 0x7ff) - 1023 - 53 + random.nextInt(-3, 3)) & 0x7ff) << 52;
            }
            long ta = a, tb = b, tc = c;
            for (int rm = 0; rm <= 4; rm++) {
                int mode = rm;
                Supplier<String> args = () -> String.format("(%x, %x, %x) rm=%d", ta, tb, tc, mode);
                Fpu fast = new Fpu(), exact = new Fpu();
                check("fmadd_d", args, fast.fmadd_d(a, b, c, rm), fast.flags,
                        SoftFloat.fma(D, a, b, c, false, false, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fnmsub_d", args, fast.fnmsub_d(a, b, c, rm), fast.flags,
                        SoftFloat.fma(D, a, b, c, true, false, rm, exact), exact.flags);
            }
        }
        assertNoFailures();
    }

    @Test
    void singleArithmeticMatchesExactPath() {
        for (int i = 0; i < ROUNDS; i++) {
            int a = randomSingle(), b = randomSingle(), c = randomSingle();
            if (i % 3 == 0) c = Float.floatToRawIntBits(-Float.intBitsToFloat(a) * Float.intBitsToFloat(b)) + random.nextInt(-2, 3);
            long wa = a & 0xffffffffL, wb = b & 0xffffffffL, wc = c & 0xffffffffL;
            long ta = a, tb = b, tc = c;
            for (int rm = 0; rm <= 4; rm++) {
                int mode = rm;
                Supplier<String> args = () -> String.format("(%x, %x, %x) rm=%d", ta, tb, tc, mode);
                Fpu fast = new Fpu(), exact = new Fpu();
                check("fadd_s", args, fast.fadd_s(a, b, rm) & 0xffffffffL, fast.flags, SoftFloat.add(S, wa, wb, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fmul_s", args, fast.fmul_s(a, b, rm) & 0xffffffffL, fast.flags, SoftFloat.mul(S, wa, wb, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fdiv_s", args, fast.fdiv_s(a, b, rm) & 0xffffffffL, fast.flags, SoftFloat.div(S, wa, wb, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fsqrt_s", args, fast.fsqrt_s(a, rm) & 0xffffffffL, fast.flags, SoftFloat.sqrt(S, wa, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fmadd_s", args, fast.fmadd_s(a, b, c, rm) & 0xffffffffL, fast.flags,
                        SoftFloat.fma(S, wa, wb, wc, false, false, rm, exact), exact.flags);
                for (FpIntKind kind : FpIntKind.values()) {
                    fast = new Fpu(); exact = new Fpu();
                    long got = switch (kind) {
                        case W -> fast.fcvt_w_s(a, rm);
                        case WU -> fast.fcvt_wu_s(a, rm);
                        case L -> fast.fcvt_l_s(a, rm);
                        case LU -> fast.fcvt_lu_s(a, rm);
                    };
                    check("fcvt_" + kind + "_s", args, got, fast.flags, SoftFloatConvert.toInt(S, wa, kind, rm, exact), exact.flags);
                }
            }
        }
        assertNoFailures();
    }

    @Test
    void integerToFloatMatchesExactPath() {
        for (int i = 0; i < ROUNDS; i++) {
            long x = random.nextLong() >> random.nextInt(64);
            long tx = x;
            for (int rm = 0; rm <= 4; rm++) {
                int mode = rm;
                Supplier<String> args = () -> String.format("(%x) rm=%d", tx, mode);
                Fpu fast = new Fpu(), exact = new Fpu();
                check("fcvt_d_l", args, fast.fcvt_d_l(x, rm), fast.flags, SoftFloatConvert.fromInt(D, x, true, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fcvt_d_lu", args, fast.fcvt_d_lu(x, rm), fast.flags, SoftFloatConvert.fromInt(D, x, false, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fcvt_s_l", args, fast.fcvt_s_l(x, rm) & 0xffffffffL, fast.flags, SoftFloatConvert.fromInt(S, x, true, rm, exact), exact.flags);
                fast = new Fpu(); exact = new Fpu();
                check("fcvt_s_w", args, fast.fcvt_s_w(x, rm) & 0xffffffffL, fast.flags,
                        SoftFloatConvert.fromInt(S, (int) x, true, rm, exact), exact.flags);
            }
        }
        assertNoFailures();
    }
}
