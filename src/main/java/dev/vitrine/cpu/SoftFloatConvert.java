package dev.vitrine.cpu;

import static dev.vitrine.cpu.SoftFloatRounder.roundPack;
import static dev.vitrine.cpu.SoftFloatRounder.roundsUp;

/** The exact path of fcvt between integers and floats and between the two formats. */
final class SoftFloatConvert {
    private SoftFloatConvert() {}

    /** fcvt.{w,wu,l,lu}.{s,d}: NaN and too-large values saturate with NV and without NX. */
    static long toInt(FpFormat f, long a, FpIntKind kind, int rm, Fpu fpu) {
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

    private static long invalid(FpIntKind kind, boolean negative, Fpu fpu) {
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
        if (from.isNaN(a)) return SoftFloat.nan(to, fpu, from.isSignalingNaN(a));
        boolean negative = from.isNegative(a);
        if (from.isInfinite(a)) return SoftFloat.infinity(to, negative);
        if (from.isZero(a)) return SoftFloat.zero(to, negative);
        return roundPack(to, negative, from.significand(a), from.exponent(a), rm, fpu);
    }
}
