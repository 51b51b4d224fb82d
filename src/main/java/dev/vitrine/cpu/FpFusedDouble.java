package dev.vitrine.cpu;

/**
 * The fast path of double fused multiply-add: Math.fma's round-to-nearest result plus the sign
 * of its exact error, from the ErrFma error-free transformation (Boldo and Muller, "Exact and
 * approximated error of the FMA", IEEE TC 2011): a*x + y = r1 + r2 + r3 exactly, so the
 * error's sign is r2's. Valid only away from overflow and underflow, which the bounds check.
 */
final class FpFusedDouble {
    private FpFusedDouble() {}

    /** A signaling NaN pattern: every NaN result is canonical, so no real result equals it. */
    static final long NO_FAST_PATH = 0x7ff0_dead_0000_0001L;

    private static final double LOW = 0x1p-900, HIGH = 0x1p1000;

    private static boolean moderate(double v) {
        double m = Math.abs(v);
        return m >= LOW && m <= HIGH;
    }

    /** x*y + z rounded per rm, or {@link #NO_FAST_PATH}. */
    static long tryFma(double x, double y, double z, int rm, Fpu fpu) {
        double r1 = Math.fma(x, y, z);
        double u1 = x * y;
        if (!moderate(r1) || !moderate(u1) || !(z == 0 || moderate(z))) return NO_FAST_PATH;
        double u2 = Math.fma(x, y, -u1); // TwoProduct: x*y = u1 + u2 exactly
        double alpha1 = z + u2; // TwoSum(z, u2) = (alpha1, zErr)
        double t = alpha1 - z;
        double zErr = (z - (alpha1 - t)) + (u2 - t);
        double beta1 = u1 + alpha1; // TwoSum(u1, alpha1) = (beta1, beta2)
        t = beta1 - u1;
        double beta2 = (u1 - (beta1 - t)) + (alpha1 - t);
        double gamma = (beta1 - r1) + beta2;
        double r2 = gamma + zErr; // Fast2Sum(gamma, zErr) = (r2, r3)
        double r3 = zErr - (r2 - gamma);
        if (r2 == 0) return Double.doubleToRawLongBits(r1);
        if (rm == Fpu.RMM && r3 != 0) { // the error is not exactly representable, so not a tie
            fpu.flags |= Fpu.NX;
            return Double.doubleToRawLongBits(r1);
        }
        return Double.doubleToRawLongBits(fpu.inexact(r1, r2, rm));
    }
}
