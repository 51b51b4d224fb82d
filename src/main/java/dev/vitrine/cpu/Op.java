package dev.vitrine.cpu;

/**
 * Decoded instructions, packed into one long so a code page is a flat long[]:
 * the low int holds the operation and register fields, the high int the immediate.
 *
 * <pre>
 *  bits  0-7   op (never 0: 0 marks "not decoded yet")
 *  bits  8-12  rd        bits 13-17 rs1 (or a CSR's 5-bit uimm)
 *  bits 18-22  rs2       bits 23-27 rs3
 *  bits 28-30  rm        bit  31    the instruction is compressed (2 bytes long)
 *  bits 32-63  immediate, sign-extended by use (an ILLEGAL op keeps the raw bits here)
 * </pre>
 */
final class Op {
    private Op() {}

    // Ops the hart's main loop executes itself. Dense from 1 so the switch is a table.
    static final int ILLEGAL = 1, NOP = 2, LUI = 3, AUIPC = 4, JAL = 5, JALR = 6,
            BEQ = 7, BNE = 8, BLT = 9, BGE = 10, BLTU = 11, BGEU = 12,
            LB = 13, LH = 14, LW = 15, LD = 16, LBU = 17, LHU = 18, LWU = 19,
            SB = 20, SH = 21, SW = 22, SD = 23,
            ADDI = 24, SLTI = 25, SLTIU = 26, XORI = 27, ORI = 28, ANDI = 29, SLLI = 30, SRLI = 31, SRAI = 32,
            ADDIW = 33, SLLIW = 34, SRLIW = 35, SRAIW = 36,
            ADD = 37, SUB = 38, SLL = 39, SLT = 40, SLTU = 41, XOR = 42, SRL = 43, SRA = 44, OR = 45, AND = 46,
            ADDW = 47, SUBW = 48, SLLW = 49, SRLW = 50, SRAW = 51,
            MUL = 52, MULH = 53, MULHSU = 54, MULHU = 55, DIV = 56, DIVU = 57, REM = 58, REMU = 59,
            MULW = 60, DIVW = 61, DIVUW = 62, REMW = 63, REMUW = 64,
            LI = 65, MV = 66,
            FLW = 67, FLD = 68, FSW = 69, FSD = 70,
            J = 71, JR = 72; // jal/jalr with rd = x0: the loop never writes x0, so needs no re-zeroing

    // Rare ops: the hart hands these to a helper (Hart.execRare).
    static final int RARE = 80;
    static final int ECALL = 80, EBREAK = 81, FENCE_I = 82,
            CSRRW = 83, CSRRS = 84, CSRRC = 85, CSRRWI = 86, CSRRSI = 87, CSRRCI = 88,
            LR_W = 89, LR_D = 90, SC_W = 91, SC_D = 92, AMO_W = 93, AMO_D = 94,
            LOAD_X0 = 95; // a load into x0: only its fault matters; rs2 holds log2(size)

    // F and D beyond loads and stores: executed by FpExec. S and D forms are adjacent.
    static final int FP = 100;
    static final int FADD_S = 100, FSUB_S = 101, FMUL_S = 102, FDIV_S = 103, FSQRT_S = 104,
            FMADD_S = 105, FMSUB_S = 106, FNMSUB_S = 107, FNMADD_S = 108,
            FSGNJ_S = 109, FSGNJN_S = 110, FSGNJX_S = 111, FMIN_S = 112, FMAX_S = 113,
            FEQ_S = 114, FLT_S = 115, FLE_S = 116, FCLASS_S = 117, FMV_X_W = 118, FMV_W_X = 119,
            FCVT_W_S = 120, FCVT_WU_S = 121, FCVT_L_S = 122, FCVT_LU_S = 123,
            FCVT_S_W = 124, FCVT_S_WU = 125, FCVT_S_L = 126, FCVT_S_LU = 127;
    static final int FADD_D = 130, FSUB_D = 131, FMUL_D = 132, FDIV_D = 133, FSQRT_D = 134,
            FMADD_D = 135, FMSUB_D = 136, FNMSUB_D = 137, FNMADD_D = 138,
            FSGNJ_D = 139, FSGNJN_D = 140, FSGNJX_D = 141, FMIN_D = 142, FMAX_D = 143,
            FEQ_D = 144, FLT_D = 145, FLE_D = 146, FCLASS_D = 147, FMV_X_D = 148, FMV_D_X = 149,
            FCVT_W_D = 150, FCVT_WU_D = 151, FCVT_L_D = 152, FCVT_LU_D = 153,
            FCVT_D_W = 154, FCVT_D_WU = 155, FCVT_D_L = 156, FCVT_D_LU = 157,
            FCVT_S_D = 158, FCVT_D_S = 159;

    /**
     * Compressed twins of the ops RVC can express. They differ only in advancing pc by 2:
     * giving them their own ids makes the instruction length a matter of control flow in
     * the hart's switch (which the host CPU predicts) instead of a data dependency from
     * the decoded word to the next pc (which would serialize the whole loop).
     */
    static final int C_NOP = 160, C_LI = 161, C_MV = 162, C_LUI = 163, C_ADDI = 164, C_ADDIW = 165,
            C_SLLI = 166, C_SRLI = 167, C_SRAI = 168, C_ANDI = 169, C_ADD = 170, C_SUB = 171, C_XOR = 172,
            C_OR = 173, C_AND = 174, C_ADDW = 175, C_SUBW = 176, C_LW = 177, C_LD = 178, C_FLD = 179,
            C_SW = 180, C_SD = 181, C_FSD = 182, C_JAL = 183, C_JALR = 184, C_BEQ = 185, C_BNE = 186, C_J = 187, C_JR = 188;

    private static final int[] TWIN = new int[256];
    /** The 4-byte op of each compressed twin (0 for any other op). */
    private static final int[] BASE = new int[256];
    static {
        int[][] pairs = { {NOP, C_NOP}, {LI, C_LI}, {MV, C_MV}, {LUI, C_LUI}, {ADDI, C_ADDI}, {ADDIW, C_ADDIW},
            {SLLI, C_SLLI}, {SRLI, C_SRLI}, {SRAI, C_SRAI}, {ANDI, C_ANDI}, {ADD, C_ADD}, {SUB, C_SUB}, {XOR, C_XOR},
            {OR, C_OR}, {AND, C_AND}, {ADDW, C_ADDW}, {SUBW, C_SUBW}, {LW, C_LW}, {LD, C_LD}, {FLD, C_FLD},
            {SW, C_SW}, {SD, C_SD}, {FSD, C_FSD}, {JAL, C_JAL}, {JALR, C_JALR}, {BEQ, C_BEQ}, {BNE, C_BNE}, {J, C_J}, {JR, C_JR} };
        for (int[] p : pairs) { TWIN[p[0]] = p[1]; BASE[p[1]] = p[0]; }
    }

    /** For a compressed twin (C_ADD...), the op it is a 2-byte form of; else the op itself. */
    static int base(int op) { return BASE[op] != 0 ? BASE[op] : op; }

    static final int COMPRESSED = 1 << 31;

    /** The 2-byte form of a decoded 4-byte instruction: compressed flag and, where one exists, the twin op. */
    static long compress(long d) {
        int twin = TWIN[op(d)];
        if (twin != 0) d = (d & ~0xffL) | twin;
        return d | (COMPRESSED & 0xffffffffL);
    }

    static long make(int op, int rd, int rs1, int rs2, long imm) {
        int w = op | rd << 8 | rs1 << 13 | rs2 << 18;
        return (imm << 32) | (w & 0xffffffffL);
    }

    static long fp(int op, int rd, int rs1, int rs2, int rs3, int rm) {
        return (op | rd << 8 | rs1 << 13 | rs2 << 18 | rs3 << 23 | rm << 28) & 0xffffffffL;
    }

    static long illegal(int bits) { return make(ILLEGAL, 0, 0, 0, bits); }

    static int op(long d) { return (int) d & 0xff; }
    static int rd(long d) { return (int) (d >>> 8) & 31; }
    static int rs1(long d) { return (int) (d >>> 13) & 31; }
    static int rs2(long d) { return (int) (d >>> 18) & 31; }
    static int rs3(long d) { return (int) (d >>> 23) & 31; }
    static int rm(long d) { return (int) (d >>> 28) & 7; }
    static int imm(long d) { return (int) (d >>> 32); }
    static boolean compressed(long d) { return ((int) d) < 0; }
}
