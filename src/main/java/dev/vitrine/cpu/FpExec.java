package dev.vitrine.cpu;

import static dev.vitrine.cpu.Op.*;

/**
 * Executes F and D instructions other than loads and stores: register moves and sign
 * injection here, arithmetic through the {@link Fpu}. Single operands are un-NaN-boxed
 * (an improperly boxed value reads as the canonical NaN) and single results boxed.
 */
final class FpExec {
    private FpExec() {}

    static final long BOX = 0xffffffff00000000L;

    static int unbox(long v) { return (v >> 32) == -1 ? (int) v : Fpu.CANONICAL_NAN_S; }

    static long box(int s) { return BOX | (s & 0xffffffffL); }

    /** {@code rm} is already resolved (never DYN). */
    static void exec(Hart h, long d, int rm) {
        long[] f = h.f, x = h.x;
        Fpu u = h.fpu;
        int rd = Op.rd(d), r1 = Op.rs1(d), r2 = Op.rs2(d);
        int op = Op.op(d);
        if (op < FADD_D) {
            single(h, u, op, rd, r1, r2, Op.rs3(d), rm);
            return;
        }
        long a = f[r1], b = f[r2];
        switch (op) {
            case FADD_D: f[rd] = u.fadd_d(a, b, rm); break;
            case FSUB_D: f[rd] = u.fsub_d(a, b, rm); break;
            case FMUL_D: f[rd] = u.fmul_d(a, b, rm); break;
            case FDIV_D: f[rd] = u.fdiv_d(a, b, rm); break;
            case FSQRT_D: f[rd] = u.fsqrt_d(a, rm); break;
            case FMADD_D: f[rd] = u.fmadd_d(a, b, f[Op.rs3(d)], rm); break;
            case FMSUB_D: f[rd] = u.fmsub_d(a, b, f[Op.rs3(d)], rm); break;
            case FNMSUB_D: f[rd] = u.fnmsub_d(a, b, f[Op.rs3(d)], rm); break;
            case FNMADD_D: f[rd] = u.fnmadd_d(a, b, f[Op.rs3(d)], rm); break;
            case FSGNJ_D: f[rd] = (a & Long.MAX_VALUE) | (b & Long.MIN_VALUE); break;
            case FSGNJN_D: f[rd] = (a & Long.MAX_VALUE) | (~b & Long.MIN_VALUE); break;
            case FSGNJX_D: f[rd] = a ^ (b & Long.MIN_VALUE); break;
            case FMIN_D: f[rd] = u.fmin_d(a, b); break;
            case FMAX_D: f[rd] = u.fmax_d(a, b); break;
            case FEQ_D: x[rd] = u.feq_d(a, b) ? 1 : 0; break;
            case FLT_D: x[rd] = u.flt_d(a, b) ? 1 : 0; break;
            case FLE_D: x[rd] = u.fle_d(a, b) ? 1 : 0; break;
            case FCLASS_D: x[rd] = Fpu.fclass_d(a); break;
            case FMV_X_D: x[rd] = a; break;
            case FMV_D_X: f[rd] = x[r1]; break;
            case FCVT_W_D: x[rd] = u.fcvt_w_d(a, rm); break;
            case FCVT_WU_D: x[rd] = u.fcvt_wu_d(a, rm); break;
            case FCVT_L_D: x[rd] = u.fcvt_l_d(a, rm); break;
            case FCVT_LU_D: x[rd] = u.fcvt_lu_d(a, rm); break;
            case FCVT_D_W: f[rd] = u.fcvt_d_w(x[r1], rm); break;
            case FCVT_D_WU: f[rd] = u.fcvt_d_wu(x[r1], rm); break;
            case FCVT_D_L: f[rd] = u.fcvt_d_l(x[r1], rm); break;
            case FCVT_D_LU: f[rd] = u.fcvt_d_lu(x[r1], rm); break;
            case FCVT_S_D: f[rd] = box(u.fcvt_s_d(a, rm)); break;
            case FCVT_D_S: f[rd] = u.fcvt_d_s(unbox(a)); break;
            default: throw new AssertionError("not an FP op: " + op);
        }
        x[0] = 0;
    }

    private static void single(Hart h, Fpu u, int op, int rd, int r1, int r2, int r3, int rm) {
        long[] f = h.f, x = h.x;
        int a = unbox(f[r1]), b = unbox(f[r2]);
        switch (op) {
            case FADD_S: f[rd] = box(u.fadd_s(a, b, rm)); break;
            case FSUB_S: f[rd] = box(u.fsub_s(a, b, rm)); break;
            case FMUL_S: f[rd] = box(u.fmul_s(a, b, rm)); break;
            case FDIV_S: f[rd] = box(u.fdiv_s(a, b, rm)); break;
            case FSQRT_S: f[rd] = box(u.fsqrt_s(a, rm)); break;
            case FMADD_S: f[rd] = box(u.fmadd_s(a, b, unbox(f[r3]), rm)); break;
            case FMSUB_S: f[rd] = box(u.fmsub_s(a, b, unbox(f[r3]), rm)); break;
            case FNMSUB_S: f[rd] = box(u.fnmsub_s(a, b, unbox(f[r3]), rm)); break;
            case FNMADD_S: f[rd] = box(u.fnmadd_s(a, b, unbox(f[r3]), rm)); break;
            case FSGNJ_S: f[rd] = box((a & Integer.MAX_VALUE) | (b & Integer.MIN_VALUE)); break;
            case FSGNJN_S: f[rd] = box((a & Integer.MAX_VALUE) | (~b & Integer.MIN_VALUE)); break;
            case FSGNJX_S: f[rd] = box(a ^ (b & Integer.MIN_VALUE)); break;
            case FMIN_S: f[rd] = box(u.fmin_s(a, b)); break;
            case FMAX_S: f[rd] = box(u.fmax_s(a, b)); break;
            case FEQ_S: x[rd] = u.feq_s(a, b) ? 1 : 0; break;
            case FLT_S: x[rd] = u.flt_s(a, b) ? 1 : 0; break;
            case FLE_S: x[rd] = u.fle_s(a, b) ? 1 : 0; break;
            case FCLASS_S: x[rd] = Fpu.fclass_s(a); break;
            case FMV_X_W: x[rd] = (int) f[r1]; break; // raw low bits, no unboxing
            case FMV_W_X: f[rd] = box((int) x[r1]); break;
            case FCVT_W_S: x[rd] = u.fcvt_w_s(a, rm); break;
            case FCVT_WU_S: x[rd] = u.fcvt_wu_s(a, rm); break;
            case FCVT_L_S: x[rd] = u.fcvt_l_s(a, rm); break;
            case FCVT_LU_S: x[rd] = u.fcvt_lu_s(a, rm); break;
            case FCVT_S_W: f[rd] = box(u.fcvt_s_w(x[r1], rm)); break;
            case FCVT_S_WU: f[rd] = box(u.fcvt_s_wu(x[r1], rm)); break;
            case FCVT_S_L: f[rd] = box(u.fcvt_s_l(x[r1], rm)); break;
            case FCVT_S_LU: f[rd] = box(u.fcvt_s_lu(x[r1], rm)); break;
            default: throw new AssertionError("not an FP op: " + op);
        }
        x[0] = 0;
    }
}
