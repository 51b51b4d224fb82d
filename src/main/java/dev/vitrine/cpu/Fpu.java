package dev.vitrine.cpu;

/**
 * IEEE 754 arithmetic as RISC-V F and D define it: every rounding mode, exception flags,
 * the canonical NaN (0x7fc00000 / 0x7ff8000000000000), fmin/fmax and fcvt edge cases.
 * Operands and results are raw bit patterns: singles as int (already un-NaN-boxed by the
 * hart), doubles as long. {@code rm} is a resolved static mode (RNE..RMM), never DYN.
 * Exception flags accumulate in {@link #flags}, which is the fflags CSR itself.
 *
 * <p>Placeholder signatures: the fpu helper implements them.
 */
public final class Fpu {
    public static final int NX = 1, UF = 2, OF = 4, DZ = 8, NV = 16;
    public static final int RNE = 0, RTZ = 1, RDN = 2, RUP = 3, RMM = 4, DYN = 7;
    public static final int CANONICAL_NAN_S = 0x7fc00000;
    public static final long CANONICAL_NAN_D = 0x7ff8000000000000L;

    /** The fflags CSR: NV DZ OF UF NX, sticky. */
    public int flags;

    private static UnsupportedOperationException todo() { return new UnsupportedOperationException("fpu not yet written"); }

    // ---- single precision
    public int fadd_s(int a, int b, int rm) { throw todo(); }
    public int fsub_s(int a, int b, int rm) { throw todo(); }
    public int fmul_s(int a, int b, int rm) { throw todo(); }
    public int fdiv_s(int a, int b, int rm) { throw todo(); }
    public int fsqrt_s(int a, int rm) { throw todo(); }
    /** a*b+c, a*b-c, -(a*b)+c, -(a*b)-c, each with one rounding. */
    public int fmadd_s(int a, int b, int c, int rm) { throw todo(); }
    public int fmsub_s(int a, int b, int c, int rm) { throw todo(); }
    public int fnmsub_s(int a, int b, int c, int rm) { throw todo(); }
    public int fnmadd_s(int a, int b, int c, int rm) { throw todo(); }
    public int fmin_s(int a, int b) { throw todo(); }
    public int fmax_s(int a, int b) { throw todo(); }
    public boolean feq_s(int a, int b) { throw todo(); }
    public boolean flt_s(int a, int b) { throw todo(); }
    public boolean fle_s(int a, int b) { throw todo(); }
    /** The fclass one-hot mask (bit 0 = -inf ... bit 9 = quiet NaN). */
    public static int fclass_s(int a) { throw todo(); }
    /** Results of the W forms are 32-bit values sign-extended to 64, as the hart writes them to x[rd]. */
    public long fcvt_w_s(int a, int rm) { throw todo(); }
    public long fcvt_wu_s(int a, int rm) { throw todo(); }
    public long fcvt_l_s(int a, int rm) { throw todo(); }
    public long fcvt_lu_s(int a, int rm) { throw todo(); }
    /** Integer sources are x[rs1] as is; the W forms use its low 32 bits. */
    public int fcvt_s_w(long x, int rm) { throw todo(); }
    public int fcvt_s_wu(long x, int rm) { throw todo(); }
    public int fcvt_s_l(long x, int rm) { throw todo(); }
    public int fcvt_s_lu(long x, int rm) { throw todo(); }

    // ---- double precision
    public long fadd_d(long a, long b, int rm) { throw todo(); }
    public long fsub_d(long a, long b, int rm) { throw todo(); }
    public long fmul_d(long a, long b, int rm) { throw todo(); }
    public long fdiv_d(long a, long b, int rm) { throw todo(); }
    public long fsqrt_d(long a, int rm) { throw todo(); }
    public long fmadd_d(long a, long b, long c, int rm) { throw todo(); }
    public long fmsub_d(long a, long b, long c, int rm) { throw todo(); }
    public long fnmsub_d(long a, long b, long c, int rm) { throw todo(); }
    public long fnmadd_d(long a, long b, long c, int rm) { throw todo(); }
    public long fmin_d(long a, long b) { throw todo(); }
    public long fmax_d(long a, long b) { throw todo(); }
    public boolean feq_d(long a, long b) { throw todo(); }
    public boolean flt_d(long a, long b) { throw todo(); }
    public boolean fle_d(long a, long b) { throw todo(); }
    public static int fclass_d(long a) { throw todo(); }
    public long fcvt_w_d(long a, int rm) { throw todo(); }
    public long fcvt_wu_d(long a, int rm) { throw todo(); }
    public long fcvt_l_d(long a, int rm) { throw todo(); }
    public long fcvt_lu_d(long a, int rm) { throw todo(); }
    public long fcvt_d_w(long x, int rm) { throw todo(); }
    public long fcvt_d_wu(long x, int rm) { throw todo(); }
    public long fcvt_d_l(long x, int rm) { throw todo(); }
    public long fcvt_d_lu(long x, int rm) { throw todo(); }

    // ---- between formats
    public int fcvt_s_d(long a, int rm) { throw todo(); }
    public long fcvt_d_s(int a) { throw todo(); }
}
