package dev.vitrine.cpu;

import static dev.vitrine.cpu.FpFormat.DOUBLE;
import static dev.vitrine.cpu.FpFormat.SINGLE;

/**
 * IEEE 754 arithmetic as RISC-V F and D define it: every rounding mode, exception flags,
 * the canonical NaN (0x7fc00000 / 0x7ff8000000000000), fmin/fmax and fcvt edge cases.
 * Operands and results are raw bit patterns: singles as int (already un-NaN-boxed by the
 * hart), doubles as long. {@code rm} is a resolved static mode (RNE..RMM), never DYN.
 * Exception flags accumulate in {@link #flags}, which is the fflags CSR itself.
 *
 * <p>Double operations try a fast path first: Java's round-to-nearest-even result plus its
 * exact error (TwoSum, or a residual from Math.fma), which gives NX and lets directed modes
 * step one ulp ({@link FpFusedDouble} does the same for fma). Anything near overflow,
 * underflow, zero, infinity or NaN goes to the exact integer path ({@link SoftFloat},
 * {@link SoftFloatConvert}). Single operations run in double (see {@link FpSingle}) and round
 * once. The qemu-riscv64 oracle tables in the tests pin all of it down.
 */
public final class Fpu {
    public static final int NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;
    public static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4, DYN = 7;
    public static final int CANONICAL_NAN_S = 0x7fc00000;
    public static final long CANONICAL_NAN_D = 0x7ff8000000000000L;

    /** The fflags CSR: NV DZ OF UF NX, sticky. */
    public int flags;

    private static final long SIGN_D = Long.MIN_VALUE;
    private static final int SIGN_S = Integer.MIN_VALUE;
    /** Results at least this large are normal even after a one-ulp step toward zero. */
    private static final double SAFE_MIN = 0x1p-1021;
    /** Products and dividends at least this large have exactly representable residuals. */
    private static final double RESIDUAL_MIN = 0x1p-966;

    private final FpSingle single = new FpSingle(this);

    private static double d(long bits) { return Double.longBitsToDouble(bits); }
    private static long bits(double x) { return Double.doubleToRawLongBits(x); }
    private static long unsigned(int singleBits) { return singleBits & 0xffffffffL; }

    // ---- single precision
    public int fadd_s(int a, int b, int rm) { return single.add(a, b, rm); }
    public int fsub_s(int a, int b, int rm) { return single.add(a, b ^ SIGN_S, rm); }
    public int fmul_s(int a, int b, int rm) { return single.mul(a, b, rm); }
    public int fdiv_s(int a, int b, int rm) { return single.div(a, b, rm); }
    public int fsqrt_s(int a, int rm) { return single.sqrt(a, rm); }
    /** a*b+c, a*b-c, -(a*b)+c, -(a*b)-c, each with one rounding. */
    public int fmadd_s(int a, int b, int c, int rm) { return single.fma(a, b, c, rm); }
    public int fmsub_s(int a, int b, int c, int rm) { return single.fma(a, b, c ^ SIGN_S, rm); }
    public int fnmsub_s(int a, int b, int c, int rm) { return single.fma(a ^ SIGN_S, b, c, rm); }
    public int fnmadd_s(int a, int b, int c, int rm) { return single.fma(a ^ SIGN_S, b, c ^ SIGN_S, rm); }

    // Comparisons and min/max: Java's ordered comparisons decide the common cases; equal
    // operands (-0 vs +0) and NaNs go to FpCompare.
    public int fmin_s(int a, int b) {
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        if (x < y) return a;
        if (y < x) return b;
        return (int) FpCompare.min(SINGLE, unsigned(a), unsigned(b), this);
    }

    public int fmax_s(int a, int b) {
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        if (x > y) return a;
        if (y > x) return b;
        return (int) FpCompare.max(SINGLE, unsigned(a), unsigned(b), this);
    }

    public boolean feq_s(int a, int b) {
        if (Float.intBitsToFloat(a) == Float.intBitsToFloat(b)) return true; // -0 == +0 too
        return FpCompare.eq(SINGLE, unsigned(a), unsigned(b), this);
    }

    public boolean flt_s(int a, int b) {
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        if (x < y) return true;
        return FpCompare.lt(SINGLE, unsigned(a), unsigned(b), this);
    }

    public boolean fle_s(int a, int b) {
        float x = Float.intBitsToFloat(a), y = Float.intBitsToFloat(b);
        if (x <= y) return true;
        return FpCompare.le(SINGLE, unsigned(a), unsigned(b), this);
    }

    /** The fclass one-hot mask (bit 0 = -inf ... bit 9 = quiet NaN). */
    public static int fclass_s(int a) { return FpCompare.classify(SINGLE, unsigned(a)); }
    /** Results of the W forms are 32-bit values sign-extended to 64, as the hart writes them to x[rd]. */
    public long fcvt_w_s(int a, int rm) { return toInt(Float.intBitsToFloat(a), unsigned(a), SINGLE, FpIntKind.W, rm); }
    public long fcvt_wu_s(int a, int rm) { return toInt(Float.intBitsToFloat(a), unsigned(a), SINGLE, FpIntKind.WU, rm); }
    public long fcvt_l_s(int a, int rm) { return toInt(Float.intBitsToFloat(a), unsigned(a), SINGLE, FpIntKind.L, rm); }
    public long fcvt_lu_s(int a, int rm) { return toInt(Float.intBitsToFloat(a), unsigned(a), SINGLE, FpIntKind.LU, rm); }
    /** Integer sources are x[rs1] as is; the W forms use its low 32 bits. */
    public int fcvt_s_w(long x, int rm) { return singleFromInt((int) x, true, rm); }
    public int fcvt_s_wu(long x, int rm) { return singleFromInt(x & 0xffffffffL, false, rm); }
    public int fcvt_s_l(long x, int rm) { return singleFromInt(x, true, rm); }
    public int fcvt_s_lu(long x, int rm) { return singleFromInt(x, false, rm); }

    private int singleFromInt(long x, boolean signed, int rm) {
        if (x >= (signed ? -(1 << 24) : 0) && x <= 1 << 24) return Float.floatToRawIntBits(x); // exact
        return (int) SoftFloatConvert.fromInt(SINGLE, x, signed, rm, this);
    }

    // ---- double precision
    public long fadd_d(long a, long b, int rm) {
        double x = d(a), y = d(b), sum = x + y;
        double magnitude = Math.abs(sum);
        if (magnitude >= SAFE_MIN && magnitude < Double.MAX_VALUE) { // also excludes NaN
            double bVirtual = sum - x; // TwoSum: the exact error of the rounded sum
            double error = (x - (sum - bVirtual)) + (y - bVirtual);
            if (error == 0) return bits(sum);
            // Operands near MAX_VALUE can overflow TwoSum's intermediates; that shows as a
            // non-finite error, and the exact path takes over.
            if (Math.abs(error) <= Double.MAX_VALUE) return bits(inexact(sum, error, rm));
        }
        // x + (-x) is +0 in every mode but RDN; a zero sum of finite operands is always exact.
        else if (sum == 0 && rm != RDN) return bits(sum);
        return SoftFloat.add(DOUBLE, a, b, rm, this);
    }

    public long fsub_d(long a, long b, int rm) { return fadd_d(a, b ^ SIGN_D, rm); }

    public long fmul_d(long a, long b, int rm) {
        double x = d(a), y = d(b), product = x * y;
        double magnitude = Math.abs(product);
        if (magnitude >= RESIDUAL_MIN && magnitude < Double.MAX_VALUE) {
            double error = Math.fma(x, y, -product);
            return bits(error == 0 ? product : inexact(product, error, rm));
        }
        if (product == 0 && (x == 0 || y == 0)) return bits(product); // exact zero, sign is the XOR
        return SoftFloat.mul(DOUBLE, a, b, rm, this);
    }

    public long fdiv_d(long a, long b, int rm) {
        double x = d(a), y = d(b), quotient = x / y;
        double magnitude = Math.abs(quotient);
        if (magnitude >= SAFE_MIN && magnitude < Double.MAX_VALUE
                && Math.abs(x) >= RESIDUAL_MIN && Math.abs(y) >= Double.MIN_NORMAL) {
            double residual = Math.fma(-quotient, y, x); // x - q*y, exact here
            if (residual == 0) return bits(quotient);
            // A quotient is never exactly halfway between doubles, so RMM behaves as RNE.
            return bits(inexactNoTie(quotient, (residual > 0) == (y > 0), rm));
        }
        return SoftFloat.div(DOUBLE, a, b, rm, this);
    }

    public long fsqrt_d(long a, int rm) {
        double x = d(a);
        if (x >= RESIDUAL_MIN && x <= Double.MAX_VALUE) {
            double root = Math.sqrt(x);
            double residual = Math.fma(-root, root, x);
            if (residual == 0) return bits(root);
            return bits(inexactNoTie(root, residual > 0, rm)); // no ties for square roots either
        }
        return SoftFloat.sqrt(DOUBLE, a, rm, this);
    }

    public long fmadd_d(long a, long b, long c, int rm) { return fma(a, b, c, rm); }
    public long fmsub_d(long a, long b, long c, int rm) { return fma(a, b, c ^ SIGN_D, rm); }
    public long fnmsub_d(long a, long b, long c, int rm) { return fma(a ^ SIGN_D, b, c, rm); }
    public long fnmadd_d(long a, long b, long c, int rm) { return fma(a ^ SIGN_D, b, c ^ SIGN_D, rm); }

    private long fma(long a, long b, long c, int rm) {
        long fast = FpFusedDouble.tryFma(d(a), d(b), d(c), rm, this);
        if (fast != FpFusedDouble.NO_FAST_PATH) return fast;
        return SoftFloat.fma(DOUBLE, a, b, c, false, false, rm, this);
    }

    public long fmin_d(long a, long b) {
        double x = d(a), y = d(b);
        if (x < y) return a;
        if (y < x) return b;
        return FpCompare.min(DOUBLE, a, b, this);
    }

    public long fmax_d(long a, long b) {
        double x = d(a), y = d(b);
        if (x > y) return a;
        if (y > x) return b;
        return FpCompare.max(DOUBLE, a, b, this);
    }

    public boolean feq_d(long a, long b) {
        if (d(a) == d(b)) return true;
        return FpCompare.eq(DOUBLE, a, b, this);
    }

    public boolean flt_d(long a, long b) {
        if (d(a) < d(b)) return true;
        return FpCompare.lt(DOUBLE, a, b, this);
    }

    public boolean fle_d(long a, long b) {
        if (d(a) <= d(b)) return true;
        return FpCompare.le(DOUBLE, a, b, this);
    }

    public static int fclass_d(long a) { return FpCompare.classify(DOUBLE, a); }

    public long fcvt_w_d(long a, int rm) { return toInt(d(a), a, DOUBLE, FpIntKind.W, rm); }
    public long fcvt_wu_d(long a, int rm) { return toInt(d(a), a, DOUBLE, FpIntKind.WU, rm); }
    public long fcvt_l_d(long a, int rm) { return toInt(d(a), a, DOUBLE, FpIntKind.L, rm); }
    public long fcvt_lu_d(long a, int rm) { return toInt(d(a), a, DOUBLE, FpIntKind.LU, rm); }

    /**
     * fcvt to an integer: below 2^52 in magnitude Java's rounding functions are exact, and a
     * rounded result inside the destination's range needs only NX; the rest is SoftFloat's.
     */
    private long toInt(double x, long bits, FpFormat format, FpIntKind kind, int rm) {
        if (Math.abs(x) < 0x1p52) { // not NaN
            double rounded = roundToIntegral(x, rm);
            boolean inRange = kind == FpIntKind.W ? rounded >= Integer.MIN_VALUE && rounded <= Integer.MAX_VALUE
                    : kind == FpIntKind.WU ? rounded >= 0 && rounded <= 0xffff_ffffL // -0.0 >= 0 holds
                    : kind == FpIntKind.L || rounded >= 0;
            if (inRange) {
                if (rounded != x) flags |= NX;
                long n = (long) rounded;
                return kind == FpIntKind.WU ? (int) n : n;
            }
        }
        return SoftFloatConvert.toInt(format, bits, kind, rm, this);
    }

    /** x rounded to an integer in mode rm, for |x| < 2^52. */
    private static double roundToIntegral(double x, int rm) {
        switch (rm) {
            case RNE: return Math.rint(x);
            case RTZ: return (double) (long) x;
            case RDN: return Math.floor(x);
            case RUP: return Math.ceil(x);
            default: { // RMM: ties away from zero
                double truncated = (double) (long) x;
                double fraction = x - truncated; // exact
                return Math.abs(fraction) >= 0.5 ? truncated + Math.signum(fraction) : truncated;
            }
        }
    }

    public long fcvt_d_w(long x, int rm) { return bits((int) x); }
    public long fcvt_d_wu(long x, int rm) { return bits(x & 0xffffffffL); }

    public long fcvt_d_l(long x, int rm) {
        if (x >= -(1L << 53) && x <= 1L << 53) return bits(x); // exact
        return SoftFloatConvert.fromInt(DOUBLE, x, true, rm, this);
    }

    public long fcvt_d_lu(long x, int rm) {
        if (x >= 0 && x <= 1L << 53) return bits(x);
        return SoftFloatConvert.fromInt(DOUBLE, x, false, rm, this);
    }

    // ---- between formats
    public int fcvt_s_d(long a, int rm) { return single.fromDouble(a, rm); }

    public long fcvt_d_s(int a) {
        if (SINGLE.isNaN(unsigned(a))) return SoftFloatConvert.convert(SINGLE, DOUBLE, unsigned(a), RNE, this);
        return bits(Float.intBitsToFloat(a)); // exact widening
    }

    // ---- directed rounding from a round-to-nearest-even result and its exact error

    /**
     * The correctly rounded result in mode rm, given the RNE result r (normal, not MAX_VALUE)
     * and the non-zero exact error (exact value - r). Sets NX.
     */
    double inexact(double r, double error, int rm) {
        flags |= NX;
        if (rm == RMM) {
            // RNE and RMM differ only on a tie that RNE resolved toward zero.
            boolean tie = Math.abs(error) == 0.5 * Math.ulp(r);
            return tie && (error > 0) == (r > 0) ? awayFromZero(r) : r;
        }
        return rm == RNE ? r : directed(r, error > 0, rm);
    }

    /** As {@link #inexact} for operations whose exact result is never halfway (div, sqrt). */
    double inexactNoTie(double r, boolean exactAbove, int rm) {
        flags |= NX;
        return rm == RNE || rm == RMM ? r : directed(r, exactAbove, rm);
    }

    private static double directed(double r, boolean exactAbove, int rm) {
        switch (rm) {
            case RTZ: return (r > 0) == exactAbove ? r : r > 0 ? Math.nextDown(r) : Math.nextUp(r);
            case RDN: return exactAbove ? r : Math.nextDown(r);
            case RUP: return exactAbove ? Math.nextUp(r) : r;
            default: throw new IllegalArgumentException("rounding mode " + rm);
        }
    }

    private static double awayFromZero(double r) { return r > 0 ? Math.nextUp(r) : Math.nextDown(r); }
}
