package dev.vitrine.serve;

/**
 * One RV64GC instruction as text, in the form `riscv64-linux-gnu-objdump -M no-aliases` prints
 * it (ABI register names, compressed forms as c.*, branch and jump targets as addresses, shift
 * amounts and upper immediates in hex): the current instruction beside the registers. What it
 * does not know (vector, rare F/D forms) is ".insn 0x...". DisasmTest holds it to objdump.
 */
final class Disasm {
    private Disasm() {}

    private static final String[] X = ProcessState.ABI;
    private static final String[] F = {"ft0", "ft1", "ft2", "ft3", "ft4", "ft5", "ft6", "ft7", "fs0", "fs1", "fa0", "fa1", "fa2",
            "fa3", "fa4", "fa5", "fa6", "fa7", "fs2", "fs3", "fs4", "fs5", "fs6", "fs7", "fs8", "fs9", "fs10", "fs11", "ft8", "ft9",
            "ft10", "ft11"};
    private static final String[] RM = {"rne", "rtz", "rdn", "rup", "rmm", "rm5", "rm6", "dyn"};

    /** {@code bits}: 16 bits when its low two bits are not 11, else 32; {@code pc}: its address. */
    static String text(int bits, long pc) {
        String s = (bits & 3) == 3 ? full(bits, pc) : compressed(bits & 0xffff, pc);
        return s != null ? s : String.format((bits & 3) == 3 ? ".insn 0x%08x" : ".insn 0x%04x", bits);
    }

    private static String op(String name, String args) { return name + "\t" + args; }

    private static String full(int i, long pc) {
        int opc = i & 0x7f, rd = (i >>> 7) & 31, f3 = (i >>> 12) & 7, rs1 = (i >>> 15) & 31, rs2 = (i >>> 20) & 31, f7 = i >>> 25;
        int immI = i >> 20;
        int immS = ((i >> 25) << 5) | ((i >>> 7) & 31);
        switch (opc) {
            case 0x37: return op("lui", X[rd] + "," + hex((i >>> 12) & 0xfffff));
            case 0x17: return op("auipc", X[rd] + "," + hex((i >>> 12) & 0xfffff));
            case 0x6f: {
                int imm = ((i >> 31) << 20) | (((i >>> 12) & 0xff) << 12) | (((i >>> 20) & 1) << 11) | (((i >>> 21) & 0x3ff) << 1);
                return op("jal", X[rd] + "," + addr(pc + imm));
            }
            case 0x67: return f3 == 0 ? op("jalr", X[rd] + "," + immI + "(" + X[rs1] + ")") : null;
            case 0x63: {
                String[] n = {"beq", "bne", null, null, "blt", "bge", "bltu", "bgeu"};
                int imm = ((i >> 31) << 12) | (((i >>> 7) & 1) << 11) | (((i >>> 25) & 0x3f) << 5) | (((i >>> 8) & 0xf) << 1);
                return n[f3] == null ? null : op(n[f3], X[rs1] + "," + X[rs2] + "," + addr(pc + imm));
            }
            case 0x03: {
                String[] n = {"lb", "lh", "lw", "ld", "lbu", "lhu", "lwu", null};
                return n[f3] == null ? null : op(n[f3], X[rd] + "," + immI + "(" + X[rs1] + ")");
            }
            case 0x23: {
                String[] n = {"sb", "sh", "sw", "sd", null, null, null, null};
                return n[f3] == null ? null : op(n[f3], X[rs2] + "," + immS + "(" + X[rs1] + ")");
            }
            case 0x07: return f3 == 2 || f3 == 3 ? op(f3 == 2 ? "flw" : "fld", F[rd] + "," + immI + "(" + X[rs1] + ")") : null;
            case 0x27: return f3 == 2 || f3 == 3 ? op(f3 == 2 ? "fsw" : "fsd", F[rs2] + "," + immS + "(" + X[rs1] + ")") : null;
            case 0x13: {
                int sh = (i >>> 20) & 63;
                return switch (f3) {
                    case 0 -> op("addi", X[rd] + "," + X[rs1] + "," + immI);
                    case 2 -> op("slti", X[rd] + "," + X[rs1] + "," + immI);
                    case 3 -> op("sltiu", X[rd] + "," + X[rs1] + "," + immI);
                    case 4 -> op("xori", X[rd] + "," + X[rs1] + "," + immI);
                    case 6 -> op("ori", X[rd] + "," + X[rs1] + "," + immI);
                    case 7 -> op("andi", X[rd] + "," + X[rs1] + "," + immI);
                    case 1 -> (i >>> 26) == 0 ? op("slli", X[rd] + "," + X[rs1] + "," + hex(sh)) : null;
                    case 5 -> (i >>> 26) == 0 ? op("srli", X[rd] + "," + X[rs1] + "," + hex(sh))
                            : (i >>> 26) == 0x10 ? op("srai", X[rd] + "," + X[rs1] + "," + hex(sh)) : null;
                    default -> null;
                };
            }
            case 0x1b: {
                int sh = (i >>> 20) & 31;
                return switch (f3) {
                    case 0 -> op("addiw", X[rd] + "," + X[rs1] + "," + immI);
                    case 1 -> f7 == 0 ? op("slliw", X[rd] + "," + X[rs1] + "," + hex(sh)) : null;
                    case 5 -> f7 == 0 ? op("srliw", X[rd] + "," + X[rs1] + "," + hex(sh))
                            : f7 == 0x20 ? op("sraiw", X[rd] + "," + X[rs1] + "," + hex(sh)) : null;
                    default -> null;
                };
            }
            case 0x33, 0x3b: {
                String name = register(opc == 0x3b, f7, f3);
                return name == null ? null : op(name, X[rd] + "," + X[rs1] + "," + X[rs2]);
            }
            case 0x0f: return f3 == 1 ? "fence.i" : f3 == 0 ? op("fence", fenceSet((i >>> 24) & 15) + "," + fenceSet((i >>> 20) & 15)) : null;
            case 0x73: {
                if (i == 0x00000073) return "ecall";
                if (i == 0x00100073) return "ebreak";
                String[] n = {null, "csrrw", "csrrs", "csrrc", null, "csrrwi", "csrrsi", "csrrci"};
                if (n[f3] == null) return null;
                String src = f3 >= 5 ? Integer.toString(rs1) : X[rs1];
                return op(n[f3], X[rd] + "," + csr((i >>> 20) & 0xfff) + "," + src);
            }
            case 0x2f: {
                if (f3 != 2 && f3 != 3) return null;
                int f5 = i >>> 27;
                String w = f3 == 2 ? ".w" : ".d", ord = ((i >>> 26) & 1) != 0 ? ((i >>> 25) & 1) != 0 ? ".aqrl" : ".aq"
                        : ((i >>> 25) & 1) != 0 ? ".rl" : "";
                String name = switch (f5) {
                    case 0x02 -> "lr"; case 0x03 -> "sc"; case 0x01 -> "amoswap"; case 0x00 -> "amoadd"; case 0x04 -> "amoxor";
                    case 0x0c -> "amoand"; case 0x08 -> "amoor"; case 0x10 -> "amomin"; case 0x14 -> "amomax";
                    case 0x18 -> "amominu"; case 0x1c -> "amomaxu"; default -> null;
                };
                if (name == null) return null;
                if (f5 == 2) return op(name + w + ord, X[rd] + ",(" + X[rs1] + ")");
                return op(name + w + ord, X[rd] + "," + X[rs2] + ",(" + X[rs1] + ")");
            }
            case 0x53: return fp(i, rd, rs1, rs2, f3, f7);
            default: return null;
        }
    }

    private static String register(boolean word, int f7, int f3) {
        if (f7 == 1) {
            String[] m = word ? new String[] {"mulw", null, null, null, "divw", "divuw", "remw", "remuw"}
                    : new String[] {"mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"};
            return m[f3];
        }
        if (f7 == 0) {
            String[] n = word ? new String[] {"addw", "sllw", null, null, null, "srlw", null, null}
                    : new String[] {"add", "sll", "slt", "sltu", "xor", "srl", "or", "and"};
            return n[f3];
        }
        if (f7 == 0x20) return f3 == 0 ? (word ? "subw" : "sub") : f3 == 5 ? (word ? "sraw" : "sra") : null;
        return null;
    }

    /** The F and D arithmetic most compiled C uses; rounding modes shown as objdump does, unless dynamic. */
    private static String fp(int i, int rd, int rs1, int rs2, int rm, int f7) {
        String t = (f7 & 1) == 0 ? ".s" : ".d";
        String r = rm == 7 ? "" : "," + RM[rm];
        switch (f7 >>> 2) {
            case 0x00: return op("fadd" + t, F[rd] + "," + F[rs1] + "," + F[rs2] + r);
            case 0x01: return op("fsub" + t, F[rd] + "," + F[rs1] + "," + F[rs2] + r);
            case 0x02: return op("fmul" + t, F[rd] + "," + F[rs1] + "," + F[rs2] + r);
            case 0x03: return op("fdiv" + t, F[rd] + "," + F[rs1] + "," + F[rs2] + r);
            case 0x0b: return rs2 == 0 ? op("fsqrt" + t, F[rd] + "," + F[rs1] + r) : null;
            case 0x04: {
                String[] n = {"fsgnj", "fsgnjn", "fsgnjx"};
                return rm < 3 ? op(n[rm] + t, F[rd] + "," + F[rs1] + "," + F[rs2]) : null;
            }
            case 0x05: return rm < 2 ? op((rm == 0 ? "fmin" : "fmax") + t, F[rd] + "," + F[rs1] + "," + F[rs2]) : null;
            case 0x14: {
                String[] n = {"fle", "flt", "feq"};
                return rm < 3 ? op(n[rm] + t, X[rd] + "," + F[rs1] + "," + F[rs2]) : null;
            }
            case 0x18: {
                String[] n = {"w", "wu", "l", "lu"};
                return rs2 < 4 ? op("fcvt." + n[rs2] + t, X[rd] + "," + F[rs1] + r) : null;
            }
            case 0x1a: {
                String[] n = {"w", "wu", "l", "lu"};
                return rs2 < 4 ? op("fcvt" + t + "." + n[rs2], F[rd] + "," + X[rs1] + r) : null;
            }
            case 0x08: return (f7 & 1) == 0 && rs2 == 1 ? op("fcvt.s.d", F[rd] + "," + F[rs1] + r)
                    : (f7 & 1) == 1 && rs2 == 0 ? op("fcvt.d.s", F[rd] + "," + F[rs1] + r) : null;
            case 0x1c: return rs2 != 0 ? null : rm == 0 ? op("fmv.x" + ((f7 & 1) == 0 ? ".w" : ".d"), X[rd] + "," + F[rs1])
                    : rm == 1 ? op("fclass" + t, X[rd] + "," + F[rs1]) : null;
            case 0x1e: return rs2 == 0 && rm == 0 ? op("fmv" + ((f7 & 1) == 0 ? ".w" : ".d") + ".x", F[rd] + "," + X[rs1]) : null;
            default: return null;
        }
    }

    private static String compressed(int c, long pc) {
        int f3 = c >>> 13, rd = (c >>> 7) & 31, rs2 = (c >>> 2) & 31, rdp = 8 + ((c >>> 2) & 7), rs1p = 8 + ((c >>> 7) & 7);
        int immCI = ((c << 19) >> 26 & ~31) | ((c >>> 2) & 31);
        int uimmW = (((c >>> 10) & 7) << 3) | (((c >>> 6) & 1) << 2) | (((c >>> 5) & 1) << 6);
        int uimmD = (((c >>> 10) & 7) << 3) | (((c >>> 5) & 3) << 6);
        switch (c & 3) {
            case 0 -> {
                return switch (f3) {
                    case 0 -> {
                        int imm = (((c >>> 11) & 3) << 4) | (((c >>> 7) & 0xf) << 6) | (((c >>> 6) & 1) << 2) | (((c >>> 5) & 1) << 3);
                        yield imm == 0 ? null : op("c.addi4spn", X[rdp] + ",sp," + imm);
                    }
                    case 1 -> op("c.fld", F[rdp] + "," + uimmD + "(" + X[rs1p] + ")");
                    case 2 -> op("c.lw", X[rdp] + "," + uimmW + "(" + X[rs1p] + ")");
                    case 3 -> op("c.ld", X[rdp] + "," + uimmD + "(" + X[rs1p] + ")");
                    case 5 -> op("c.fsd", F[rdp] + "," + uimmD + "(" + X[rs1p] + ")");
                    case 6 -> op("c.sw", X[rdp] + "," + uimmW + "(" + X[rs1p] + ")");
                    case 7 -> op("c.sd", X[rdp] + "," + uimmD + "(" + X[rs1p] + ")");
                    default -> null;
                };
            }
            case 1 -> {
                switch (f3) {
                    case 0: return op("c.addi", X[rd] + "," + immCI);   // c.nop is c.addi zero,0 without aliases
                    case 1: return rd == 0 ? null : op("c.addiw", X[rd] + "," + immCI);
                    case 2: return op("c.li", X[rd] + "," + immCI);
                    case 3: {
                        if (rd == 2) {
                            int imm = ((c << 19) >> 22 & ~0x1ff) | (((c >>> 6) & 1) << 4) | (((c >>> 5) & 1) << 6)
                                    | (((c >>> 3) & 3) << 7) | (((c >>> 2) & 1) << 5);
                            return imm == 0 ? null : op("c.addi16sp", "sp," + imm);
                        }
                        return immCI == 0 ? null : op("c.lui", X[rd] + "," + hex(immCI & 0xfffff));
                    }
                    case 4: {
                        int f2 = (c >>> 10) & 3, sh = (((c >>> 12) & 1) << 5) | ((c >>> 2) & 31);
                        if (f2 == 0) return op("c.srli", X[rs1p] + "," + hex(sh));
                        if (f2 == 1) return op("c.srai", X[rs1p] + "," + hex(sh));
                        if (f2 == 2) return op("c.andi", X[rs1p] + "," + immCI);
                        String[] n = ((c >>> 12) & 1) == 0 ? new String[] {"c.sub", "c.xor", "c.or", "c.and"}
                                : new String[] {"c.subw", "c.addw", null, null};
                        String name = n[(c >>> 5) & 3];
                        return name == null ? null : op(name, X[rs1p] + "," + X[rdp]);
                    }
                    case 5: {
                        int imm = ((c << 19) >> 20 & ~0x7ff) | (((c >>> 11) & 1) << 4) | (((c >>> 9) & 3) << 8)
                                | (((c >>> 8) & 1) << 10) | (((c >>> 7) & 1) << 6) | (((c >>> 6) & 1) << 7)
                                | (((c >>> 3) & 7) << 1) | (((c >>> 2) & 1) << 5);
                        return op("c.j", addr(pc + imm));
                    }
                    default: {
                        int imm = ((c << 19) >> 23 & ~0xff) | (((c >>> 10) & 3) << 3) | (((c >>> 5) & 3) << 6)
                                | (((c >>> 3) & 3) << 1) | (((c >>> 2) & 1) << 5);
                        return op(f3 == 6 ? "c.beqz" : "c.bnez", X[rs1p] + "," + addr(pc + imm));
                    }
                }
            }
            default -> {
                int ldsp = (((c >>> 12) & 1) << 5) | (((c >>> 5) & 3) << 3) | (((c >>> 2) & 7) << 6);
                int lwsp = (((c >>> 12) & 1) << 5) | (((c >>> 4) & 7) << 2) | (((c >>> 2) & 3) << 6);
                int sdsp = (((c >>> 10) & 7) << 3) | (((c >>> 7) & 7) << 6);
                int swsp = (((c >>> 9) & 15) << 2) | (((c >>> 7) & 3) << 6);
                switch (f3) {
                    case 0: return op("c.slli", X[rd] + "," + hex((((c >>> 12) & 1) << 5) | rs2));
                    case 1: return op("c.fldsp", F[rd] + "," + ldsp + "(sp)");
                    case 2: return rd == 0 ? null : op("c.lwsp", X[rd] + "," + lwsp + "(sp)");
                    case 3: return rd == 0 ? null : op("c.ldsp", X[rd] + "," + ldsp + "(sp)");
                    case 4: {
                        boolean bit = ((c >>> 12) & 1) != 0;
                        if (!bit) return rs2 == 0 ? (rd == 0 ? null : op("c.jr", X[rd])) : op("c.mv", X[rd] + "," + X[rs2]);
                        if (rs2 == 0) return rd == 0 ? "c.ebreak" : op("c.jalr", X[rd]);
                        return op("c.add", X[rd] + "," + X[rs2]);
                    }
                    case 5: return op("c.fsdsp", F[rs2] + "," + sdsp + "(sp)");
                    case 6: return op("c.swsp", X[rs2] + "," + swsp + "(sp)");
                    default: return op("c.sdsp", X[rs2] + "," + sdsp + "(sp)");
                }
            }
        }
    }

    private static String fenceSet(int bits) {
        String s = ((bits & 8) != 0 ? "i" : "") + ((bits & 4) != 0 ? "o" : "") + ((bits & 2) != 0 ? "r" : "") + ((bits & 1) != 0 ? "w" : "");
        return s.isEmpty() ? "0" : s;
    }

    private static String csr(int n) {
        return switch (n) {
            case 0x001 -> "fflags"; case 0x002 -> "frm"; case 0x003 -> "fcsr";
            case 0xc00 -> "cycle"; case 0xc01 -> "time"; case 0xc02 -> "instret";
            default -> hex(n);
        };
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    private static String addr(long a) { return Long.toHexString(a); }
}
