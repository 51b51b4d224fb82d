package dev.vitrine.cpu;

import static dev.vitrine.cpu.Op.*;

/**
 * Expands a 16-bit RV64C instruction straight into the {@link Op} word of the 32-bit
 * instruction it stands for, marked compressed. 0x0000, reserved encodings and the
 * RV32-only / Zc* code points are illegal; HINTs (rd = x0 and friends) are nops.
 */
final class Rvc {
    private Rvc() {}

    static long decode(int c) {
        return compress(expand(c & 0xffff));
    }

    private static long expand(int c) {
        int f3 = c >>> 13;
        switch (c & 3) {
            case 0: return quadrant0(c, f3);
            case 1: return quadrant1(c, f3);
            case 2: return quadrant2(c, f3);
            default: return illegal(c);
        }
    }

    private static long quadrant0(int c, int f3) {
        int rdp = 8 + ((c >>> 2) & 7), rs1p = 8 + ((c >>> 7) & 7);
        int uimmW = (((c >>> 10) & 7) << 3) | (((c >>> 6) & 1) << 2) | (((c >>> 5) & 1) << 6);
        int uimmD = (((c >>> 10) & 7) << 3) | (((c >>> 5) & 3) << 6);
        switch (f3) {
            case 0: { // c.addi4spn
                int imm = (((c >>> 11) & 3) << 4) | (((c >>> 7) & 0xf) << 6) | (((c >>> 6) & 1) << 2) | (((c >>> 5) & 1) << 3);
                return imm == 0 ? illegal(c) : make(ADDI, rdp, 2, 0, imm);
            }
            case 1: return make(FLD, rdp, rs1p, 0, uimmD);
            case 2: return make(LW, rdp, rs1p, 0, uimmW);
            case 3: return make(LD, rdp, rs1p, 0, uimmD);
            case 5: return make(FSD, 0, rs1p, rdp, uimmD);
            case 6: return make(SW, 0, rs1p, rdp, uimmW);
            case 7: return make(SD, 0, rs1p, rdp, uimmD);
            default: return illegal(c); // 4: reserved (Zcb lives here)
        }
    }

    private static long quadrant1(int c, int f3) {
        int rd = (c >>> 7) & 31;
        int immCI = ((c << 19) >> 26 & ~31) | ((c >>> 2) & 31); // imm[5] = bit 12, sign-extended
        switch (f3) {
            case 0: return rd == 0 ? make(NOP, 0, 0, 0, 0) : make(ADDI, rd, rd, 0, immCI);
            case 1: return rd == 0 ? illegal(c) : make(ADDIW, rd, rd, 0, immCI);
            case 2: return rd == 0 ? make(NOP, 0, 0, 0, 0) : make(LI, rd, 0, 0, immCI);
            case 3: {
                if ((c & 0x107c) == 0) return illegal(c); // nzimm = 0 is reserved
                if (rd == 2) {
                    int imm = ((c << 19) >> 22 & ~0x1ff) | (((c >>> 6) & 1) << 4) | (((c >>> 5) & 1) << 6)
                            | (((c >>> 3) & 3) << 7) | (((c >>> 2) & 1) << 5);
                    return make(ADDI, 2, 2, 0, imm);
                }
                return rd == 0 ? make(NOP, 0, 0, 0, 0) : make(LUI, rd, 0, 0, immCI << 12);
            }
            case 4: return misc(c);
            case 5: return make(J, 0, 0, 0, immCJ(c));
            case 6: return make(BEQ, 0, 8 + ((c >>> 7) & 7), 0, immCB(c));
            default: return make(BNE, 0, 8 + ((c >>> 7) & 7), 0, immCB(c));
        }
    }

    private static long misc(int c) {
        int rd = 8 + ((c >>> 7) & 7), rs2 = 8 + ((c >>> 2) & 7);
        int shamt = (((c >>> 12) & 1) << 5) | ((c >>> 2) & 31);
        switch ((c >>> 10) & 3) {
            case 0: return make(SRLI, rd, rd, 0, shamt);
            case 1: return make(SRAI, rd, rd, 0, shamt);
            case 2: return make(ANDI, rd, rd, 0, ((c << 19) >> 26 & ~31) | ((c >>> 2) & 31));
            default: {
                int f2 = (c >>> 5) & 3;
                if ((c & 0x1000) == 0) {
                    int op = f2 == 0 ? SUB : f2 == 1 ? XOR : f2 == 2 ? OR : AND;
                    return make(op, rd, rd, rs2, 0);
                }
                if (f2 == 0) return make(SUBW, rd, rd, rs2, 0);
                if (f2 == 1) return make(ADDW, rd, rd, rs2, 0);
                return illegal(c); // reserved (Zcb)
            }
        }
    }

    private static long quadrant2(int c, int f3) {
        int rd = (c >>> 7) & 31, rs2 = (c >>> 2) & 31;
        int b12 = (c >>> 12) & 1;
        switch (f3) {
            case 0: return rd == 0 ? make(NOP, 0, 0, 0, 0) : make(SLLI, rd, rd, 0, (b12 << 5) | rs2);
            case 1: return make(FLD, rd, 2, 0, ldsp(c));
            case 2: {
                int imm = (b12 << 5) | (((c >>> 4) & 7) << 2) | (((c >>> 2) & 3) << 6);
                return rd == 0 ? illegal(c) : make(LW, rd, 2, 0, imm);
            }
            case 3: return rd == 0 ? illegal(c) : make(LD, rd, 2, 0, ldsp(c));
            case 4:
                if (b12 == 0) {
                    if (rs2 == 0) return rd == 0 ? illegal(c) : make(JR, 0, rd, 0, 0);
                    return rd == 0 ? make(NOP, 0, 0, 0, 0) : make(MV, rd, rs2, 0, 0);
                }
                if (rs2 == 0) return rd == 0 ? make(EBREAK, 0, 0, 0, 0) : make(JALR, 1, rd, 0, 0);
                return rd == 0 ? make(NOP, 0, 0, 0, 0) : make(ADD, rd, rd, rs2, 0);
            case 5: return make(FSD, 0, 2, rs2, sdsp(c));
            case 6: return make(SW, 0, 2, rs2, (((c >>> 9) & 0xf) << 2) | (((c >>> 7) & 3) << 6));
            default: return make(SD, 0, 2, rs2, sdsp(c));
        }
    }

    private static int ldsp(int c) { return (((c >>> 12) & 1) << 5) | (((c >>> 5) & 3) << 3) | (((c >>> 2) & 7) << 6); }
    private static int sdsp(int c) { return (((c >>> 10) & 7) << 3) | (((c >>> 7) & 7) << 6); }

    private static int immCJ(int c) {
        int imm = (((c >>> 12) & 1) << 11) | (((c >>> 11) & 1) << 4) | (((c >>> 9) & 3) << 8) | (((c >>> 8) & 1) << 10)
                | (((c >>> 7) & 1) << 6) | (((c >>> 6) & 1) << 7) | (((c >>> 3) & 7) << 1) | (((c >>> 2) & 1) << 5);
        return (imm << 20) >> 20;
    }

    private static int immCB(int c) {
        int imm = (((c >>> 12) & 1) << 8) | (((c >>> 10) & 3) << 3) | (((c >>> 5) & 3) << 6) | (((c >>> 3) & 3) << 1)
                | (((c >>> 2) & 1) << 5);
        return (imm << 23) >> 23;
    }
}
