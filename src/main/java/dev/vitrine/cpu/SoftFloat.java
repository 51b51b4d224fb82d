package dev.vitrine.cpu;

import static dev.vitrine.cpu.SoftFloatRounder.roundPack;
import static dev.vitrine.cpu.SoftFloatRounder.shiftRightJam;

import java.math.BigInteger;

/**
 * The exact (slow) path of every rounded F/D arithmetic operation, in integer arithmetic, for
 * both formats. Each operation handles NaN, infinity and zero operands, then reduces finite
 * ones to an exact or jammed intermediate that {@link SoftFloatRounder#roundPack} rounds.
 * Flags are ORed into the given {@link Fpu}'s fflags; NaN results are always canonical.
 * Conversions are in {@link SoftFloatConvert}.
 */
final class SoftFloat {
    private SoftFloat() {}

    /** The canonical NaN, raising NV when the operation was invalid (or had a signaling NaN). */
    static long nan(FpFormat f, Fpu fpu, boolean invalid) {
        if (invalid) fpu.flags |= Fpu.NV;
        return f.canonicalNaN;
    }

    static long zero(FpFormat f, boolean negative) { return negative ? f.signBit : 0; }

    static long infinity(FpFormat f, boolean negative) { return negative ? f.infinity | f.signBit : f.infinity; }

    static long add(FpFormat f, long a, long b, int rm, Fpu fpu) {
        if (f.isNaN(a) || f.isNaN(b)) return nan(f, fpu, f.isSignalingNaN(a) || f.isSignalingNaN(b));
        boolean na = f.isNegative(a), nb = f.isNegative(b);
        if (f.isInfinite(a)) return f.isInfinite(b) && na != nb ? nan(f, fpu, true) : a;
        if (f.isInfinite(b)) return b;
        if (f.isZero(a) && f.isZero(b)) return na == nb ? a : zero(f, rm == Fpu.RDN);
        if (f.isZero(a)) return b;
        if (f.isZero(b)) return a;
        if (f.magnitude(a) < f.magnitude(b)) { // a is the larger magnitude from here on
            long t = a; a = b; b = t;
            boolean tn = na; na = nb; nb = tn;
        }
        long sa = f.significand(a), sb = f.significand(b);
        int la = Long.numberOfLeadingZeros(sa) - 2, lb = Long.numberOfLeadingZeros(sb) - 2;
        sa <<= la; // both leading ones at bit 61: room for a carry, 9+ guard bits below
        sb <<= lb;
        int ea = f.exponent(a) - la, eb = f.exponent(b) - lb;
        sb = shiftRightJam(sb, ea - eb);
        long sum = na == nb ? sa + sb : sa - sb;
        if (sum == 0) return zero(f, rm == Fpu.RDN);
        return roundPack(f, na, sum, ea, rm, fpu);
    }

    static long mul(FpFormat f, long a, long b, int rm, Fpu fpu) {
        if (f.isNaN(a) || f.isNaN(b)) return nan(f, fpu, f.isSignalingNaN(a) || f.isSignalingNaN(b));
        boolean negative = f.isNegative(a) != f.isNegative(b);
        if (f.isInfinite(a) || f.isInfinite(b)) {
            return f.isZero(a) || f.isZero(b) ? nan(f, fpu, true) : infinity(f, negative);
        }
        if (f.isZero(a) || f.isZero(b)) return zero(f, negative);
        long sa = f.significand(a), sb = f.significand(b);
        int la = Long.numberOfLeadingZeros(sa) - 1, lb = Long.numberOfLeadingZeros(sb) - 1;
        sa <<= la; // leading ones at bit 62: a signed 64x64 multiply stays positive
        sb <<= lb;
        long hi = Math.multiplyHigh(sa, sb), lo = sa * sb; // product in [2^124, 2^126)
        long sig = (hi << 2) | (lo >>> 62) | ((lo << 2) != 0 ? 1 : 0);
        return roundPack(f, negative, sig, f.exponent(a) - la + f.exponent(b) - lb + 62, rm, fpu);
    }

    static long div(FpFormat f, long a, long b, int rm, Fpu fpu) {
        if (f.isNaN(a) || f.isNaN(b)) return nan(f, fpu, f.isSignalingNaN(a) || f.isSignalingNaN(b));
        boolean negative = f.isNegative(a) != f.isNegative(b);
        if (f.isInfinite(a)) return f.isInfinite(b) ? nan(f, fpu, true) : infinity(f, negative);
        if (f.isInfinite(b)) return zero(f, negative);
        if (f.isZero(b)) {
            if (f.isZero(a)) return nan(f, fpu, true);
            fpu.flags |= Fpu.DZ;
            return infinity(f, negative);
        }
        if (f.isZero(a)) return zero(f, negative);
        long sa = f.significand(a), sb = f.significand(b);
        int la = Long.numberOfLeadingZeros(sa) - 1, lb = Long.numberOfLeadingZeros(sb) - 1;
        sa <<= la;
        sb <<= lb;
        // Restoring division, one quotient bit per step: q = floor(sa / sb * 2^63).
        long remainder = sa, q = 0;
        for (int i = 0; i < 64; i++) {
            q <<= 1;
            if (Long.compareUnsigned(remainder, sb) >= 0) {
                remainder -= sb;
                q |= 1;
            }
            remainder <<= 1;
        }
        if (remainder != 0) q |= 1;
        int exp = (f.exponent(a) - la) - (f.exponent(b) - lb) - 63;
        return roundPack(f, negative, q, exp, rm, fpu);
    }

    static long sqrt(FpFormat f, long a, int rm, Fpu fpu) {
        if (f.isNaN(a)) return nan(f, fpu, f.isSignalingNaN(a));
        if (f.isZero(a)) return a;
        if (f.isNegative(a)) return nan(f, fpu, true);
        if (f.isInfinite(a)) return a;
        long sig = f.significand(a);
        int exp = f.exponent(a);
        // Scale the radicand to about 2^126 with an even exponent, so the root has 63 bits.
        int shift = 126 - (64 - Long.numberOfLeadingZeros(sig));
        if (((exp - shift) & 1) != 0) shift++;
        BigInteger[] rootAndRemainder = BigInteger.valueOf(sig).shiftLeft(shift).sqrtAndRemainder();
        long root = rootAndRemainder[0].longValue();
        if (rootAndRemainder[1].signum() != 0) root |= 1;
        return roundPack(f, false, root, (exp - shift) >> 1, rm, fpu);
    }

    /**
     * (-1)^negateProduct * a * b + (-1)^negateAddend * c with a single rounding.
     * RISC-V raises NV for inf * 0 even when c is a quiet NaN.
     */
    static long fma(FpFormat f, long a, long b, long c, boolean negateProduct, boolean negateAddend, int rm, Fpu fpu) {
        boolean infTimesZero = (f.isInfinite(a) && f.isZero(b)) || (f.isZero(a) && f.isInfinite(b));
        if (f.isNaN(a) || f.isNaN(b) || f.isNaN(c)) {
            return nan(f, fpu, infTimesZero || f.isSignalingNaN(a) || f.isSignalingNaN(b) || f.isSignalingNaN(c));
        }
        if (infTimesZero) return nan(f, fpu, true);
        boolean productNegative = f.isNegative(a) != f.isNegative(b) != negateProduct;
        boolean addendNegative = f.isNegative(c) != negateAddend;
        if (f.isInfinite(a) || f.isInfinite(b)) {
            return f.isInfinite(c) && addendNegative != productNegative ? nan(f, fpu, true) : infinity(f, productNegative);
        }
        if (f.isInfinite(c)) return infinity(f, addendNegative);
        boolean productZero = f.isZero(a) || f.isZero(b);
        if (productZero && f.isZero(c)) {
            return zero(f, productNegative == addendNegative ? productNegative : rm == Fpu.RDN);
        }
        long cMagnitude = f.magnitude(c);
        if (productZero) return addendNegative ? cMagnitude | f.signBit : cMagnitude;
        BigInteger product = BigInteger.valueOf(f.significand(a)).multiply(BigInteger.valueOf(f.significand(b)));
        int productExp = f.exponent(a) + f.exponent(b);
        if (productNegative) product = product.negate();
        BigInteger sum = product;
        int exp = productExp;
        if (cMagnitude != 0) {
            BigInteger addend = BigInteger.valueOf(f.significand(c));
            if (addendNegative) addend = addend.negate();
            int addendExp = f.exponent(c);
            exp = Math.min(productExp, addendExp);
            sum = product.shiftLeft(productExp - exp).add(addend.shiftLeft(addendExp - exp));
        }
        if (sum.signum() == 0) return zero(f, rm == Fpu.RDN); // exact cancellation of non-zero terms
        return roundPackExact(f, sum, exp, rm, fpu);
    }

    /** Rounds the exact value sum * 2^exp. */
    static long roundPackExact(FpFormat f, BigInteger sum, int exp, int rm, Fpu fpu) {
        boolean negative = sum.signum() < 0;
        BigInteger magnitude = sum.abs();
        int excess = magnitude.bitLength() - 64;
        long sig;
        if (excess > 0) {
            sig = magnitude.shiftRight(excess).longValue();
            if (magnitude.getLowestSetBit() < excess) sig |= 1;
            exp += excess;
        } else {
            sig = magnitude.longValue();
        }
        return roundPack(f, negative, sig, exp, rm, fpu);
    }
}
