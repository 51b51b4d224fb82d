package dev.vitrine.cpu;

import static dev.vitrine.cpu.Op.*;

/**
 * Decodes one 32-bit RV64GC instruction into an {@link Op} word. Anything outside
 * RV64IMAFD + Zicsr + Zifencei, including reserved encodings, decodes to ILLEGAL
 * with the raw bits, so an unknown extension is a SIGILL and never a Java exception.
 */
final class Decoder {
    private Decoder() {}

    static long decode(int i) {
        int rd = (i >>> 7) & 31, f3 = (i >>> 12) & 7, rs1 = (i >>> 15) & 31, rs2 = (i >>> 20) & 31, f7 = i >>> 25;
        int immI = i >> 20;
        switch (i & 0x7f) {
            case 0x37: return make(rd == 0 ? NOP : LUI, rd, 0, 0, i & 0xfffff000);
            case 0x17: return make(rd == 0 ? NOP : AUIPC, rd, 0, 0, i & 0xfffff000);
            case 0x6f: return make(rd == 0 ? J : JAL, rd, 0, 0, immJ(i));
            case 0x67: return f3 != 0 ? illegal(i) : make(rd == 0 ? JR : JALR, rd, rs1, 0, immI);
            case 0x63: {
                int op = switch (f3) { case 0 -> BEQ; case 1 -> BNE; case 4 -> BLT; case 5 -> BGE; case 6 -> BLTU; case 7 -> BGEU; default -> 0; };
                return op == 0 ? illegal(i) : make(op, 0, rs1, rs2, immB(i));
            }
            case 0x03: {
                int op = switch (f3) { case 0 -> LB; case 1 -> LH; case 2 -> LW; case 3 -> LD; case 4 -> LBU; case 5 -> LHU; case 6 -> LWU; default -> 0; };
                if (op == 0) return illegal(i);
                if (rd == 0) return make(LOAD_X0, 0, rs1, f3 & 3, immI);
                return make(op, rd, rs1, 0, immI);
            }
            case 0x23: {
                int op = switch (f3) { case 0 -> SB; case 1 -> SH; case 2 -> SW; case 3 -> SD; default -> 0; };
                return op == 0 ? illegal(i) : make(op, 0, rs1, rs2, immS(i));
            }
            case 0x13: return opImm(i, rd, f3, rs1, immI);
            case 0x1b: return opImm32(i, rd, f3, rs1, immI);
            case 0x33: return op(i, rd, f3, rs1, rs2, f7);
            case 0x3b: return op32(i, rd, f3, rs1, rs2, f7);
            case 0x0f:
                // fence (any pred/succ/fm, incl. fence.tso and pause) orders nothing for one hart
                if (f3 == 0) return make(NOP, 0, 0, 0, 0);
                if (f3 == 1) return make(FENCE_I, 0, 0, 0, 0);
                return illegal(i);
            case 0x73: return system(i, rd, f3, rs1);
            case 0x2f: return amo(i, rd, f3, rs1, rs2);
            case 0x07:
                if (f3 == 2) return make(FLW, rd, rs1, 0, immI);
                if (f3 == 3) return make(FLD, rd, rs1, 0, immI);
                return illegal(i);
            case 0x27:
                if (f3 == 2) return make(FSW, 0, rs1, rs2, immS(i));
                if (f3 == 3) return make(FSD, 0, rs1, rs2, immS(i));
                return illegal(i);
            case 0x43: case 0x47: case 0x4b: case 0x4f: return FpDecoder.fma(i);
            case 0x53: return FpDecoder.opFp(i);
            default: return illegal(i);
        }
    }

    private static long opImm(int i, int rd, int f3, int rs1, int imm) {
        int op;
        switch (f3) {
            case 0: op = ADDI; break;
            case 2: op = SLTI; break;
            case 3: op = SLTIU; break;
            case 4: op = XORI; break;
            case 6: op = ORI; break;
            case 7: op = ANDI; break;
            case 1:
                if ((imm >>> 6) != 0) return illegal(i);
                op = SLLI; break;
            default: // 5
                if ((imm >>> 6) == 0) op = SRLI;
                else if ((imm >>> 6) == 0x10) op = SRAI;
                else return illegal(i);
                imm &= 63;
        }
        if (rd == 0) return make(NOP, 0, 0, 0, 0); // hints (incl. the canonical nop)
        if (op == ADDI) return rs1 == 0 ? make(LI, rd, 0, 0, imm) : imm == 0 ? make(MV, rd, rs1, 0, 0) : make(ADDI, rd, rs1, 0, imm);
        return make(op, rd, rs1, 0, imm);
    }

    private static long opImm32(int i, int rd, int f3, int rs1, int imm) {
        int f7 = i >>> 25;
        int op;
        if (f3 == 0) op = ADDIW;
        else if (f3 == 1 && f7 == 0) op = SLLIW;
        else if (f3 == 5 && f7 == 0) op = SRLIW;
        else if (f3 == 5 && f7 == 0x20) op = SRAIW;
        else return illegal(i);
        if (op != ADDIW) imm &= 31;
        return make(rd == 0 ? NOP : op, rd, rs1, 0, imm);
    }

    private static long op(int i, int rd, int f3, int rs1, int rs2, int f7) {
        int op;
        if (f7 == 0) op = switch (f3) { case 0 -> ADD; case 1 -> SLL; case 2 -> SLT; case 3 -> SLTU; case 4 -> XOR; case 5 -> SRL; case 6 -> OR; default -> AND; };
        else if (f7 == 0x20) op = f3 == 0 ? SUB : f3 == 5 ? SRA : 0;
        else if (f7 == 1) op = switch (f3) { case 0 -> MUL; case 1 -> MULH; case 2 -> MULHSU; case 3 -> MULHU; case 4 -> DIV; case 5 -> DIVU; case 6 -> REM; default -> REMU; };
        else op = 0;
        if (op == 0) return illegal(i);
        return make(rd == 0 ? NOP : op, rd, rs1, rs2, 0);
    }

    private static long op32(int i, int rd, int f3, int rs1, int rs2, int f7) {
        int op;
        if (f7 == 0) op = switch (f3) { case 0 -> ADDW; case 1 -> SLLW; case 5 -> SRLW; default -> 0; };
        else if (f7 == 0x20) op = f3 == 0 ? SUBW : f3 == 5 ? SRAW : 0;
        else if (f7 == 1) op = switch (f3) { case 0 -> MULW; case 4 -> DIVW; case 5 -> DIVUW; case 6 -> REMW; case 7 -> REMUW; default -> 0; };
        else op = 0;
        if (op == 0) return illegal(i);
        return make(rd == 0 ? NOP : op, rd, rs1, rs2, 0);
    }

    private static long system(int i, int rd, int f3, int rs1) {
        if (f3 == 0) {
            if (i == 0x00000073) return make(ECALL, 0, 0, 0, 0);
            if (i == 0x00100073) return make(EBREAK, 0, 0, 0, 0);
            return illegal(i); // wfi, xret, sfence.vma: privileged
        }
        int op = switch (f3) { case 1 -> CSRRW; case 2 -> CSRRS; case 3 -> CSRRC; case 5 -> CSRRWI; case 6 -> CSRRSI; case 7 -> CSRRCI; default -> 0; };
        if (op == 0) return illegal(i);
        int csr = i >>> 20;
        if (!Csr.exists(csr)) return illegal(i);
        // A write to a read-only CSR is illegal; csrrs/csrrc with x0/zero only read.
        boolean writes = op == CSRRW || op == CSRRWI || rs1 != 0;
        if (writes && Csr.readOnly(csr)) return illegal(i);
        return make(op, rd, rs1, 0, csr);
    }

    private static long amo(int i, int rd, int f3, int rs1, int rs2) {
        if (f3 != 2 && f3 != 3) return illegal(i);
        boolean d = f3 == 3;
        int f5 = i >>> 27;
        switch (f5) {
            case 0b00010: return rs2 == 0 ? make(d ? LR_D : LR_W, rd, rs1, 0, 0) : illegal(i);
            case 0b00011: return make(d ? SC_D : SC_W, rd, rs1, rs2, 0);
            case 0b00001: case 0b00000: case 0b00100: case 0b01100: case 0b01000:
            case 0b10000: case 0b10100: case 0b11000: case 0b11100:
                return make(d ? AMO_D : AMO_W, rd, rs1, rs2, f5);
            default: return illegal(i);
        }
    }

    static int immS(int i) { return ((i >> 25) << 5) | ((i >>> 7) & 31); }

    static int immB(int i) {
        return ((i >> 31) << 12) | (((i >>> 7) & 1) << 11) | (((i >>> 25) & 0x3f) << 5) | (((i >>> 8) & 0xf) << 1);
    }

    static int immJ(int i) {
        return ((i >> 31) << 20) | (((i >>> 12) & 0xff) << 12) | (((i >>> 20) & 1) << 11) | (((i >>> 21) & 0x3ff) << 1);
    }
}
