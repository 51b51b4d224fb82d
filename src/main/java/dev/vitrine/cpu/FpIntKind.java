package dev.vitrine.cpu;

/** Integer destination of fcvt.{w,wu,l,lu}: its width in bits and signedness. */
enum FpIntKind {
    W(32, true), WU(32, false), L(64, true), LU(64, false);

    final int bits;
    final boolean signed;

    FpIntKind(int bits, boolean signed) { this.bits = bits; this.signed = signed; }

    /** The saturated result as written to x[rd] (32-bit results sign-extended). */
    long max() { return signed ? (bits == 32 ? Integer.MAX_VALUE : Long.MAX_VALUE) : -1L; }
    long min() { return signed ? (bits == 32 ? Integer.MIN_VALUE : Long.MIN_VALUE) : 0L; }
}
