package dev.vitrine.cpu;

/**
 * An IEEE 754 binary interchange format (binary32 or binary64) described by its field widths,
 * so the software paths in {@link SoftFloat} serve both precisions with one piece of code.
 * Bit patterns are held in a long; binary32 patterns sit zero-extended in the low 32 bits.
 */
final class FpFormat {
    static final FpFormat SINGLE = new FpFormat(24, 8);
    static final FpFormat DOUBLE = new FpFormat(53, 11);

    /** Significand bits including the implicit leading one. */
    final int precision;
    final int bias;
    /** Exponents of the smallest and largest normal binades. */
    final int emin, emax;
    final long signBit, fractionMask, infinity, maxFinite, quietBit, canonicalNaN;
    private final int exponentMask;

    private FpFormat(int precision, int exponentBits) {
        this.precision = precision;
        this.exponentMask = (1 << exponentBits) - 1;
        this.bias = exponentMask >> 1;
        this.emin = 1 - bias;
        this.emax = bias;
        this.signBit = 1L << (precision - 1 + exponentBits);
        this.fractionMask = (1L << (precision - 1)) - 1;
        this.infinity = (long) exponentMask << (precision - 1);
        this.maxFinite = infinity - 1;
        this.quietBit = 1L << (precision - 2);
        this.canonicalNaN = infinity | quietBit;
    }

    boolean isNegative(long bits) { return (bits & signBit) != 0; }
    long magnitude(long bits) { return bits & (signBit - 1); }
    boolean isNaN(long bits) { return magnitude(bits) > infinity; }
    boolean isSignalingNaN(long bits) { return isNaN(bits) && (bits & quietBit) == 0; }
    boolean isInfinite(long bits) { return magnitude(bits) == infinity; }
    boolean isZero(long bits) { return magnitude(bits) == 0; }
    /** Infinite or NaN: the exponent field is all ones. */
    boolean isSpecial(long bits) { return magnitude(bits) >= infinity; }

    int exponentField(long bits) { return (int) (bits >>> (precision - 1)) & exponentMask; }

    /** Integer significand of a finite value: value = significand * 2^{@link #exponent}. */
    long significand(long bits) {
        long fraction = bits & fractionMask;
        return exponentField(bits) == 0 ? fraction : fraction | (fractionMask + 1);
    }

    /** Exponent of the significand's unit bit (subnormals share the smallest normal's scale). */
    int exponent(long bits) {
        return Math.max(exponentField(bits), 1) - bias - (precision - 1);
    }
}
