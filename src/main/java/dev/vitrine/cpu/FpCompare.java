package dev.vitrine.cpu;

/**
 * The non-arithmetic F/D operations on raw bit patterns of either format: fmin/fmax
 * (IEEE 754-2019 minimumNumber/maximumNumber, -0 below +0), the comparisons and fclass.
 */
final class FpCompare {
    private FpCompare() {}

    /** A key whose signed order is the numeric order of non-NaN values, with -0 below +0. */
    private static long orderKey(FpFormat f, long bits) {
        long magnitude = f.magnitude(bits);
        return f.isNegative(bits) ? -magnitude - 1 : magnitude;
    }

    static long min(FpFormat f, long a, long b, Fpu fpu) {
        long nanResult = nanOperand(f, a, b, fpu);
        if (nanResult != -1) return nanResult;
        return orderKey(f, a) <= orderKey(f, b) ? a : b;
    }

    static long max(FpFormat f, long a, long b, Fpu fpu) {
        long nanResult = nanOperand(f, a, b, fpu);
        if (nanResult != -1) return nanResult;
        return orderKey(f, a) >= orderKey(f, b) ? a : b;
    }

    /** fmin/fmax with a NaN operand: the other operand, or the canonical NaN; else -1. */
    private static long nanOperand(FpFormat f, long a, long b, Fpu fpu) {
        boolean aNaN = f.isNaN(a), bNaN = f.isNaN(b);
        if (!aNaN && !bNaN) return -1;
        if (f.isSignalingNaN(a) || f.isSignalingNaN(b)) fpu.flags |= Fpu.NV;
        return aNaN && bNaN ? f.canonicalNaN : aNaN ? b : a;
    }

    /** Quiet comparison: only signaling NaNs raise NV. */
    static boolean eq(FpFormat f, long a, long b, Fpu fpu) {
        if (f.isNaN(a) || f.isNaN(b)) {
            if (f.isSignalingNaN(a) || f.isSignalingNaN(b)) fpu.flags |= Fpu.NV;
            return false;
        }
        return a == b || (f.isZero(a) && f.isZero(b));
    }

    /** Signaling comparison: any NaN raises NV. */
    static boolean lt(FpFormat f, long a, long b, Fpu fpu) {
        if (unordered(f, a, b, fpu)) return false;
        return !(f.isZero(a) && f.isZero(b)) && orderKey(f, a) < orderKey(f, b);
    }

    static boolean le(FpFormat f, long a, long b, Fpu fpu) {
        if (unordered(f, a, b, fpu)) return false;
        return (f.isZero(a) && f.isZero(b)) || orderKey(f, a) <= orderKey(f, b);
    }

    private static boolean unordered(FpFormat f, long a, long b, Fpu fpu) {
        if (!f.isNaN(a) && !f.isNaN(b)) return false;
        fpu.flags |= Fpu.NV;
        return true;
    }

    /** fclass: bit 0 -inf, 1 -normal, 2 -subnormal, 3 -0, 4 +0, 5 +subnormal, 6 +normal, 7 +inf, 8 sNaN, 9 qNaN. */
    static int classify(FpFormat f, long bits) {
        boolean negative = f.isNegative(bits);
        int bit;
        if (f.isNaN(bits)) bit = f.isSignalingNaN(bits) ? 8 : 9;
        else if (f.isInfinite(bits)) bit = negative ? 0 : 7;
        else if (f.isZero(bits)) bit = negative ? 3 : 4;
        else if (f.exponentField(bits) == 0) bit = negative ? 2 : 5;
        else bit = negative ? 1 : 6;
        return 1 << bit;
    }
}
