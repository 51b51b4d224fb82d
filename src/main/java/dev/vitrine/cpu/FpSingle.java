package dev.vitrine.cpu;

import static dev.vitrine.cpu.FpFormat.DOUBLE;
import static dev.vitrine.cpu.FpFormat.SINGLE;

/**
 * Single-precision arithmetic computed in double, rounded once to single.
 *
 * <p>Every single operation's exact result is either exact in double (products, most sums) or is
 * known as its round-to-nearest double r plus the sign of (exact - r), from TwoSum or a
 * Math.fma residual. Since all singles and single midpoints lie on the double grid, the exact
 * value rounds to single like any value strictly between r and the adjacent double on that
 * side, which {@link #round} builds from r's significand with two extra bits. No double
 * rounding can occur. Zeros, infinities and NaNs go to {@link SoftFloat}.
 */
final class FpSingle {
    private final Fpu fpu;

    FpSingle(Fpu fpu) { this.fpu = fpu; }

    private static double value(int bits) { return Float.intBitsToFloat(bits); }
    private static long wide(int bits) { return bits & 0xffffffffL; }
    private static boolean special(int bits) { return (bits & 0x7f800000) == 0x7f800000; }
    private static int signOf(double error) { return error > 0 ? 1 : error < 0 ? -1 : 0; }

    int add(int a, int b, int rm) {
        if (special(a) || special(b)) return (int) SoftFloat.add(SINGLE, wide(a), wide(b), rm, fpu);
        double x = value(a), y = value(b), sum = x + y;
        if (sum == 0) {
            // Exact cancellation: +0 except in RDN (Java's sign rule is RNE's).
            if (rm != Fpu.RDN) return Float.floatToRawIntBits((float) sum);
            return (int) SoftFloat.add(SINGLE, wide(a), wide(b), rm, fpu);
        }
        double bVirtual = sum - x;
        double error = (x - (sum - bVirtual)) + (y - bVirtual);
        return round(sum, signOf(error), rm);
    }

    int mul(int a, int b, int rm) {
        if (special(a) || special(b)) return (int) SoftFloat.mul(SINGLE, wide(a), wide(b), rm, fpu);
        double product = value(a) * value(b); // 48 significant bits: exact
        if (product == 0) return Float.floatToRawIntBits((float) product);
        return round(product, 0, rm);
    }

    int div(int a, int b, int rm) {
        if (special(a) || special(b) || (a << 1) == 0 || (b << 1) == 0) {
            return (int) SoftFloat.div(SINGLE, wide(a), wide(b), rm, fpu);
        }
        double x = value(a), y = value(b), quotient = x / y;
        double residual = Math.fma(-quotient, y, x);
        int errorSign = residual == 0 ? 0 : (residual > 0) == (y > 0) ? 1 : -1;
        return round(quotient, errorSign, rm);
    }

    int sqrt(int a, int rm) {
        if (a <= 0 || special(a)) return (int) SoftFloat.sqrt(SINGLE, wide(a), rm, fpu); // sign set, zero, inf, NaN
        double x = value(a), root = Math.sqrt(x);
        return round(root, signOf(Math.fma(-root, root, x)), rm);
    }

    /** a*b + c with one rounding; callers negate operands for the other three forms. */
    int fma(int a, int b, int c, int rm) {
        if (special(a) || special(b) || special(c)) {
            return (int) SoftFloat.fma(SINGLE, wide(a), wide(b), wide(c), false, false, rm, fpu);
        }
        double product = value(a) * value(b), z = value(c), sum = product + z;
        if (sum == 0) {
            if (rm != Fpu.RDN) return Float.floatToRawIntBits((float) sum);
            return (int) SoftFloat.fma(SINGLE, wide(a), wide(b), wide(c), false, false, rm, fpu);
        }
        double bVirtual = sum - product;
        double error = (product - (sum - bVirtual)) + (z - bVirtual);
        return round(sum, signOf(error), rm);
    }

    int fromDouble(long a, int rm) {
        if (DOUBLE.isSpecial(a) || DOUBLE.isZero(a)) return (int) SoftFloatConvert.convert(DOUBLE, SINGLE, a, rm, fpu);
        return round(Double.longBitsToDouble(a), 0, rm);
    }

    /**
     * Rounds the exact value r + e to single, where r is a non-zero finite double and e is a
     * quantity smaller than half an ulp of r known only by its sign {@code errorSign}.
     */
    private int round(double r, int errorSign, int rm) {
        float nearest = (float) r;
        if (errorSign == 0 && nearest == r) return Float.floatToRawIntBits(nearest); // exact: no flags
        long bits = Double.doubleToRawLongBits(r);
        if (rm == Fpu.RNE && Math.abs(r) >= Float.MIN_NORMAL && Math.abs(nearest) <= Float.MAX_VALUE) {
            // Java's cast is right unless r is itself a single or a single midpoint (the 29
            // dropped bits are 0 or exactly half) and the error then decides the rounding.
            long dropped = bits & 0x1fff_ffffL;
            if (errorSign == 0 || (dropped != 0 && dropped != 0x1000_0000L)) {
                fpu.flags |= Fpu.NX;
                return Float.floatToRawIntBits(nearest);
            }
        }
        long sig = DOUBLE.significand(bits);
        int exp = DOUBLE.exponent(bits);
        if (errorSign != 0) { // r's significand, two more bits, and a step toward the exact value
            sig = (sig << 2) + (bits < 0 ? -errorSign : errorSign); // sig is a magnitude
            exp -= 2;
        }
        return (int) SoftFloatRounder.roundPack(SINGLE, bits < 0, sig, exp, rm, fpu);
    }
}
