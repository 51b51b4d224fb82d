package dev.vitrine.cpu;

import java.math.BigInteger;

/**
 * The exact (slow) path of every rounded F/D operation, in integer arithmetic, for both formats.
 * Each operation reduces its operands to an exact or "jammed" intermediate
 * value = (-1)^sign * sig * 2^exp and hands it to {@link #roundPack}, the one place that
 * implements rounding modes, overflow, subnormals and the NX/UF/OF flags.
 *
 * <p>Jamming: when bits below a 64-bit intermediate must be dropped, their OR is kept in bit 0.
 * Every caller keeps at least two bits below the rounding point, so the jammed value rounds
 * exactly like the true one and is inexact exactly when the true one is.
 *
 * <p>Flags are ORed into the given {@link Fpu}'s fflags. NaN results are always canonical.
 */
final class SoftFloat {
    private SoftFloat() {}

    // ---------------------------------------------------------------- rounding

    /** Whether to add one unit in the last kept place, for an inexact value. */
    static boolean roundsUp(int rm, boolean negative, boolean oddKept, int remainderVsHalf) {
        switch (rm) {
            case Fpu.RNE: return remainderVsHalf > 0 || (remainderVsHalf == 0 && oddKept);
            case Fpu.RTZ: return false;
            case Fpu.RDN: return negative;
            case Fpu.RUP: return !negative;
            case Fpu.RMM: return remainderVsHalf >= 0;
            default: throw new IllegalArgumentException("rounding mode " + rm);
        }
    }

    /** Rounds (-1)^negative * sig * 2^exp (sig unsigned, non-zero) to format {@code f}. */
    static long roundPack(FpFormat f, boolean negative, long sig, int exp, int rm, Fpu fpu) {
        int lz = Long.numberOfLeadingZeros(sig);
        sig <<= lz;
        exp -= lz;
        int e = exp + 63; // value is in [2^e, 2^(e+1))
        if (e > f.emax) return overflow(f, negative, rm, fpu);
        int shift = 64 - f.precision;
        boolean tiny = false;
        if (e < f.emin) {
            // RISC-V detects tininess after rounding: tiny unless rounding to full precision
            // with an unbounded exponent would carry up to 2^emin.
            tiny = e < f.emin - 1 || !carriesIntoNextBinade(f, sig, shift, negative, rm);
            shift += f.emin - e;
            e = f.emin;
        }
        long kept;
        boolean inexact;
        if (shift >= 64) {
            kept = 0;
            inexact = true;
            int vsHalf = shift > 64 ? -1 : sig == Long.MIN_VALUE ? 0 : 1;
            if (roundsUp(rm, negative, false, vsHalf)) kept = 1;
        } else {
            kept = sig >>> shift;
            long remainder = sig & ((1L << shift) - 1);
            inexact = remainder != 0;
            if (inexact) {
                int vsHalf = Long.compare(remainder, 1L << (shift - 1)); // shift <= 63: no sign issue
                if (roundsUp(rm, negative, (kept & 1) != 0, vsHalf)) kept++;
            }
        }
        // The implicit bit of kept adds one to the exponent field; a rounding carry adds another.
        long bits = ((long) (e + f.bias - 1) << (f.precision - 1)) + kept;
        if (bits >= f.infinity) return overflow(f, negative, rm, fpu);
        if (inexact) fpu.flags |= tiny ? Fpu.NX | Fpu.UF : Fpu.NX;
        return negative ? bits | f.signBit : bits;
    }

    private static boolean carriesIntoNextBinade(FpFormat f, long normalizedSig, int shift, boolean negative, int rm) {
        long kept = normalizedSig >>> shift;
        long remainder = normalizedSig & ((1L << shift) - 1);
        if (kept != (1L << f.precision) - 1 || remainder == 0) return false;
        return roundsUp(rm, negative, true, Long.compare(remainder, 1L << (shift - 1)));
    }

    static long overflow(FpFormat f, boolean negative, int rm, Fpu fpu) {
        fpu.flags |= Fpu.OF | Fpu.NX;
        boolean toInfinity = rm == Fpu.RNE || rm == Fpu.RMM
                || (rm == Fpu.RDN && negative) || (rm == Fpu.RUP && !negative);
        long magnitude = toInfinity ? f.infinity : f.maxFinite;
        return negative ? magnitude | f.signBit : magnitude;
    }

    /** Sticky right shift: bits shifted out are ORed into bit 0. */
    static long shiftRightJam(long x, int n) {
        if (n == 0) return x;
        if (n >= 64) return x != 0 ? 1 : 0;
        return (x >>> n) | ((x << (64 - n)) != 0 ? 1 : 0);
    }

    private static long nan(FpFormat f, Fpu fpu, boolean invalid) {
        if (invalid) fpu.flags |= Fpu.NV;
        return f.canonicalNaN;
    }

    private static long zero(FpFormat f, boolean negative) { return negative ? f.signBit : 0; }

    private static long infinity(FpFormat f, boolean negative) { return negative ? f.infinity | f.signBit : f.infinity; }

    // ---------------------------------------------------------------- arithmetic

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

    // ---------------------------------------------------------------- conversions

    /** Integer destination of fcvt.{w,wu,l,lu}: its width in bits and signedness. */
    enum IntKind {
        W(32, true), WU(32, false), L(64, true), LU(64, false);

        final int bits;
        final boolean signed;

        IntKind(int bits, boolean signed) { this.bits = bits; this.signed = signed; }

        /** The saturated result as written to x[rd] (32-bit results sign-extended). */
        long max() { return signed ? (bits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE) : -1L; }
        long min() { return signed ? (bits == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE) : 0L; }
    }

    /** fcvt.{w,wu,l,lu}.{s,d}: NaN and too-large values saturate with NV and without NX. */
    static long toInt(FpFormat f, long a, IntKind kind, int rm, Fpu fpu) {
        if (f.isNaN(a)) {
            fpu.flags |= Fpu.NV;
            return kind.max();
        }
        boolean negative = f.isNegative(a);
        if (f.isInfinite(a)) {
            fpu.flags |= Fpu.NV;
            return negative ? kind.min() : kind.max();
        }
        if (f.isZero(a)) return 0;
        long sig = f.significand(a);
        int exp = f.exponent(a);
        long magnitude; // the rounded |value| as an unsigned 64-bit integer
        boolean inexact = false;
        if (exp >= 0) {
            if (64 - Long.numberOfLeadingZeros(sig) + exp > 64) return invalid(kind, negative, fpu);
            magnitude = sig << exp;
        } else {
            int shift = -exp;
            long remainder;
            int vsHalf;
            if (shift >= 63) { // sig < 2^53, so the value is below one half
                magnitude = 0;
                remainder = sig;
                vsHalf = -1;
            } else {
                magnitude = sig >>> shift;
                remainder = sig & ((1L << shift) - 1);
                vsHalf = Long.compare(remainder, 1L << (shift - 1));
            }
            inexact = remainder != 0;
            if (inexact && roundsUp(rm, negative, (magnitude & 1) != 0, vsHalf)) magnitude++;
        }
        long result;
        if (kind.signed) {
            long limit = (kind.bits == 32 ? 1L << 31 : Long.MIN_VALUE) - (negative ? 0 : 1); // as unsigned
            if (Long.compareUnsigned(magnitude, limit) > 0) return invalid(kind, negative, fpu);
            result = negative ? -magnitude : magnitude;
        } else {
            if (negative && magnitude != 0) return invalid(kind, true, fpu);
            if (kind.bits == 32 && (magnitude >>> 32) != 0) return invalid(kind, false, fpu);
            result = kind.bits == 32 ? (int) magnitude : magnitude;
        }
        if (inexact) fpu.flags |= Fpu.NX;
        return result;
    }

    private static long invalid(IntKind kind, boolean negative, Fpu fpu) {
        fpu.flags |= Fpu.NV;
        return negative ? kind.min() : kind.max();
    }

    /** fcvt.{s,d}.{w,wu,l,lu}: x is the integer already extended to 64 bits per its kind. */
    static long fromInt(FpFormat f, long x, boolean signed, int rm, Fpu fpu) {
        if (x == 0) return 0;
        boolean negative = signed && x < 0;
        return roundPack(f, negative, negative ? -x : x, 0, rm, fpu);
    }

    /** Converts between formats (fcvt.s.d rounds; fcvt.d.s is exact). */
    static long convert(FpFormat from, FpFormat to, long a, int rm, Fpu fpu) {
        if (from.isNaN(a)) return nan(to, fpu, from.isSignalingNaN(a));
        boolean negative = from.isNegative(a);
        if (from.isInfinite(a)) return infinity(to, negative);
        if (from.isZero(a)) return zero(to, negative);
        return roundPack(to, negative, from.significand(a), from.exponent(a), rm, fpu);
    }
}
