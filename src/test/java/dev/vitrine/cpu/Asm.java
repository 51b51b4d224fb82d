package dev.vitrine.cpu;

/** Encodes 32-bit RISC-V instructions for tests (checked against riscv64-linux-gnu-as). */
final class Asm {
    private Asm() {}

    static final int ZERO = 0, RA = 1, SP = 2, T0 = 5, T1 = 6, T2 = 7, S0 = 8, S1 = 9,
            A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, A6 = 16, A7 = 17;

    static int r(int f7, int rs2, int rs1, int f3, int rd, int opc) {
        return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc;
    }
    static int i(int imm, int rs1, int f3, int rd, int opc) { return (imm & 0xfff) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | opc; }
    static int s(int imm, int rs2, int rs1, int f3, int opc) {
        return ((imm >> 5) & 0x7f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (imm & 31) << 7 | opc;
    }
    static int b(int imm, int rs2, int rs1, int f3) {
        return ((imm >> 12) & 1) << 31 | ((imm >> 5) & 0x3f) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12
                | ((imm >> 1) & 0xf) << 8 | ((imm >> 11) & 1) << 7 | 0x63;
    }
    static int u(int imm20, int rd, int opc) { return imm20 << 12 | rd << 7 | opc; }
    static int j(int imm, int rd) {
        return ((imm >> 20) & 1) << 31 | ((imm >> 1) & 0x3ff) << 21 | ((imm >> 11) & 1) << 20 | ((imm >> 12) & 0xff) << 12 | rd << 7 | 0x6f;
    }

    // RV64I
    static int lui(int rd, int imm20) { return u(imm20, rd, 0x37); }
    static int auipc(int rd, int imm20) { return u(imm20, rd, 0x17); }
    static int jal(int rd, int off) { return j(off, rd); }
    static int jalr(int rd, int rs1, int imm) { return i(imm, rs1, 0, rd, 0x67); }
    static int beq(int a, int b, int off) { return b(off, b, a, 0); }
    static int bne(int a, int b, int off) { return b(off, b, a, 1); }
    static int blt(int a, int b, int off) { return b(off, b, a, 4); }
    static int bge(int a, int b, int off) { return b(off, b, a, 5); }
    static int bltu(int a, int b, int off) { return b(off, b, a, 6); }
    static int bgeu(int a, int b, int off) { return b(off, b, a, 7); }
    static int lb(int rd, int rs1, int imm) { return i(imm, rs1, 0, rd, 0x03); }
    static int lh(int rd, int rs1, int imm) { return i(imm, rs1, 1, rd, 0x03); }
    static int lw(int rd, int rs1, int imm) { return i(imm, rs1, 2, rd, 0x03); }
    static int ld(int rd, int rs1, int imm) { return i(imm, rs1, 3, rd, 0x03); }
    static int lbu(int rd, int rs1, int imm) { return i(imm, rs1, 4, rd, 0x03); }
    static int lhu(int rd, int rs1, int imm) { return i(imm, rs1, 5, rd, 0x03); }
    static int lwu(int rd, int rs1, int imm) { return i(imm, rs1, 6, rd, 0x03); }
    static int sb(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 0, 0x23); }
    static int sh(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 1, 0x23); }
    static int sw(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 2, 0x23); }
    static int sd(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 3, 0x23); }
    static int addi(int rd, int rs1, int imm) { return i(imm, rs1, 0, rd, 0x13); }
    static int slti(int rd, int rs1, int imm) { return i(imm, rs1, 2, rd, 0x13); }
    static int sltiu(int rd, int rs1, int imm) { return i(imm, rs1, 3, rd, 0x13); }
    static int xori(int rd, int rs1, int imm) { return i(imm, rs1, 4, rd, 0x13); }
    static int ori(int rd, int rs1, int imm) { return i(imm, rs1, 6, rd, 0x13); }
    static int andi(int rd, int rs1, int imm) { return i(imm, rs1, 7, rd, 0x13); }
    static int slli(int rd, int rs1, int sh) { return i(sh, rs1, 1, rd, 0x13); }
    static int srli(int rd, int rs1, int sh) { return i(sh, rs1, 5, rd, 0x13); }
    static int srai(int rd, int rs1, int sh) { return i(0x400 | sh, rs1, 5, rd, 0x13); }
    static int addiw(int rd, int rs1, int imm) { return i(imm, rs1, 0, rd, 0x1b); }
    static int slliw(int rd, int rs1, int sh) { return i(sh, rs1, 1, rd, 0x1b); }
    static int srliw(int rd, int rs1, int sh) { return i(sh, rs1, 5, rd, 0x1b); }
    static int sraiw(int rd, int rs1, int sh) { return i(0x400 | sh, rs1, 5, rd, 0x1b); }
    static int add(int rd, int a, int b) { return r(0, b, a, 0, rd, 0x33); }
    static int sub(int rd, int a, int b) { return r(0x20, b, a, 0, rd, 0x33); }
    static int sll(int rd, int a, int b) { return r(0, b, a, 1, rd, 0x33); }
    static int slt(int rd, int a, int b) { return r(0, b, a, 2, rd, 0x33); }
    static int sltu(int rd, int a, int b) { return r(0, b, a, 3, rd, 0x33); }
    static int xor(int rd, int a, int b) { return r(0, b, a, 4, rd, 0x33); }
    static int srl(int rd, int a, int b) { return r(0, b, a, 5, rd, 0x33); }
    static int sra(int rd, int a, int b) { return r(0x20, b, a, 5, rd, 0x33); }
    static int or(int rd, int a, int b) { return r(0, b, a, 6, rd, 0x33); }
    static int and(int rd, int a, int b) { return r(0, b, a, 7, rd, 0x33); }
    static int addw(int rd, int a, int b) { return r(0, b, a, 0, rd, 0x3b); }
    static int subw(int rd, int a, int b) { return r(0x20, b, a, 0, rd, 0x3b); }
    static int sllw(int rd, int a, int b) { return r(0, b, a, 1, rd, 0x3b); }
    static int srlw(int rd, int a, int b) { return r(0, b, a, 5, rd, 0x3b); }
    static int sraw(int rd, int a, int b) { return r(0x20, b, a, 5, rd, 0x3b); }
    // M: funct3 0..7 = mul mulh mulhsu mulhu div divu rem remu
    static int m(int f3, int rd, int a, int b) { return r(1, b, a, f3, rd, 0x33); }
    // M W forms: funct3 0 mulw, 4 divw, 5 divuw, 6 remw, 7 remuw
    static int mw(int f3, int rd, int a, int b) { return r(1, b, a, f3, rd, 0x3b); }
    static final int ECALL = 0x00000073, EBREAK = 0x00100073, FENCE = 0x0ff0000f, FENCE_I = 0x0000100f;
    static final int NOP = 0x00000013;

    // Zicsr: funct3 1 rw, 2 rs, 3 rc, 5 rwi, 6 rsi, 7 rci (rs1 holds uimm for the i forms)
    static int csr(int f3, int rd, int csr, int rs1) { return csr << 20 | rs1 << 15 | f3 << 12 | rd << 7 | 0x73; }

    // A: funct5 then aq/rl bits; width 2 = .w, 3 = .d
    static int amo(int f5, int width, int rd, int rs1, int rs2) { return r(f5 << 2, rs2, rs1, width, rd, 0x2f); }
    static int lr(int width, int rd, int rs1) { return amo(0b00010, width, rd, rs1, 0); }
    static int sc(int width, int rd, int rs1, int rs2) { return amo(0b00011, width, rd, rs1, rs2); }

    // F/D memory and moves
    static int flw(int rd, int rs1, int imm) { return i(imm, rs1, 2, rd, 0x07); }
    static int fld(int rd, int rs1, int imm) { return i(imm, rs1, 3, rd, 0x07); }
    static int fsw(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 2, 0x27); }
    static int fsd(int rs2, int rs1, int imm) { return s(imm, rs2, rs1, 3, 0x27); }
    static int opfp(int f7, int rs2, int rs1, int rm, int rd) { return r(f7, rs2, rs1, rm, rd, 0x53); }

    /** li for a 12-bit value. */
    static int li(int rd, int imm) { return addi(rd, 0, imm); }
}
