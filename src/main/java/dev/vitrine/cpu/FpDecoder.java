package dev.vitrine.cpu;

import static dev.vitrine.cpu.Op.*;

/**
 * Decodes the F and D computational instructions (OP-FP and the four fused
 * multiply-adds). Static rounding modes 5 and 6 are reserved and decode as illegal;
 * DYN (7) is checked against frm when the instruction runs.
 */
final class FpDecoder {
    private FpDecoder() {}

    static long fma(int i) {
        int fmt = (i >>> 25) & 3, rm = (i >>> 12) & 7;
        if (fmt > 1 || rm == 5 || rm == 6) return illegal(i);
        int base = switch (i & 0x7f) { case 0x43 -> FMADD_S; case 0x47 -> FMSUB_S; case 0x4b -> FNMSUB_S; default -> FNMADD_S; };
        return fp(base + fmt * 30, rd(i), rs1(i), rs2(i), i >>> 27, rm);
    }

    static long opFp(int i) {
        int f7 = i >>> 25, rm = (i >>> 12) & 7, rs2 = rs2(i);
        int d = (f7 & 3) == 1 ? 30 : 0; // D ops sit 30 above their S twins
        if ((f7 & 3) > 1) return illegal(i);
        int op;
        boolean usesRm = true;
        switch (f7 >>> 2) {
            case 0x00: op = FADD_S; break;
            case 0x01: op = FSUB_S; break;
            case 0x02: op = FMUL_S; break;
            case 0x03: op = FDIV_S; break;
            case 0x0b: op = rs2 == 0 ? FSQRT_S : 0; break;
            case 0x04:
                op = rm == 0 ? FSGNJ_S : rm == 1 ? FSGNJN_S : rm == 2 ? FSGNJX_S : 0;
                usesRm = false; break;
            case 0x05:
                op = rm == 0 ? FMIN_S : rm == 1 ? FMAX_S : 0;
                usesRm = false; break;
            case 0x08: // fcvt.s.d (f7 0x20, rs2 1) and fcvt.d.s (f7 0x21, rs2 0)
                if (f7 == 0x20 && rs2 == 1) op = FCVT_S_D;
                else if (f7 == 0x21 && rs2 == 0) op = FCVT_D_S;
                else op = 0;
                d = 0; break;
            case 0x14:
                op = rm == 2 ? FEQ_S : rm == 1 ? FLT_S : rm == 0 ? FLE_S : 0;
                usesRm = false; break;
            case 0x18:
                op = rs2 == 0 ? FCVT_W_S : rs2 == 1 ? FCVT_WU_S : rs2 == 2 ? FCVT_L_S : rs2 == 3 ? FCVT_LU_S : 0; break;
            case 0x1a:
                op = rs2 == 0 ? FCVT_S_W : rs2 == 1 ? FCVT_S_WU : rs2 == 2 ? FCVT_S_L : rs2 == 3 ? FCVT_S_LU : 0; break;
            case 0x1c:
                op = rs2 != 0 ? 0 : rm == 0 ? FMV_X_W : rm == 1 ? FCLASS_S : 0;
                usesRm = false; break;
            case 0x1e:
                op = rs2 == 0 && rm == 0 ? FMV_W_X : 0;
                usesRm = false; break;
            default: op = 0;
        }
        if (op == 0 || (usesRm && (rm == 5 || rm == 6))) return illegal(i);
        return fp(op + d, rd(i), rs1(i), rs2, 0, usesRm ? rm : 0);
    }

    private static int rd(int i) { return (i >>> 7) & 31; }
    private static int rs1(int i) { return (i >>> 15) & 31; }
    private static int rs2(int i) { return (i >>> 20) & 31; }
}
