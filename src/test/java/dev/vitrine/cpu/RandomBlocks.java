package dev.vitrine.cpu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static dev.vitrine.cpu.Asm.*;

/**
 * A random-instruction generator for the translator's differential test: a loop whose body
 * is random RV64IM and RVC instructions (ALU, multiply/divide, loads and stores of every
 * width, aligned or not, forward branches, jal, jalr), with loads and stores into a
 * writable page, a read-only page, a clean page (its first store re-walks to set D), an
 * unmapped page (faults) and the code itself (a word read and written back unchanged,
 * which drops the decoded block). The body starts near the end of a page so blocks meet the
 * page boundary. Reserved registers: x31 loop counter, x30 data, x29 unmapped, x28 code,
 * x27 read-only, x26 clean page, x25 jalr scratch. The code word is re-stored only in rounds divisible by 16.
 */
final class RandomBlocks {
    static final long DATA = Rig.DATA + 0x1000, UNMAPPED = 0x500000, READ_ONLY = Rig.DATA + 0x8000, CLEAN = Rig.DATA + 0xa000;
    private static final int LOOP = 31, D = 30, BAD = 29, CODE = 28, RO = 27, CL = 26, JT = 25;

    /** One instruction: 2 or 4 bytes; a branch or jump names its target by index, fixed up after layout. */
    private record Insn(int bits, boolean compressed, int kind, int target) {}
    private static final int PLAIN = 0, BRANCH = 1, JAL = 2, JALR_PAIR = 3, CODE_PAIR = 4, PATCH = 5;

    private final SplittableRandom rnd;
    private final List<Insn> body = new ArrayList<>();

    RandomBlocks(long seed) { rnd = new SplittableRandom(seed); }

    /** Writes the program at {@code start} into the rig and sets its registers; the loop runs {@code rounds} times, then ecall. */
    void write(Rig r, long start, int length, int rounds) {
        while (body.size() < length) addRandom();
        long[] at = new long[body.size() + 1];
        long pc = start;
        for (int i = 0; i < body.size(); i++) {
            at[i] = pc;
            pc += switch (body.get(i).kind) { case JALR_PAIR -> 8; case CODE_PAIR -> 16; case PATCH -> 60; default -> body.get(i).compressed ? 2 : 4; };
        }
        at[body.size()] = pc; // the loop's closing addi
        r.org(start);
        for (int i = 0; i < body.size(); i++) {
            Insn in = body.get(i);
            long off = in.kind == CODE_PAIR ? 0 : at[Math.min(in.target, body.size())] - at[i]; // forward, at most to the loop's end
            switch (in.kind) {
                case BRANCH -> r.i(in.bits | Asm.b((int) off, 0, 0, 0) & ~0x7f);
                case JAL -> r.i(jal(in.bits, (int) off));
                case JALR_PAIR -> r.i(auipc(JT, 0)).i(jalr(in.bits, JT, (int) off));
                case CODE_PAIR -> r.i(andi(in.bits, LOOP, 15), bne(in.bits, 0, 12), lw(in.bits, CODE, in.target), sw(in.bits, CODE, in.target));
                case PATCH -> patch(r);
                default -> { if (in.compressed) r.c(in.bits); else r.i(in.bits); }
            }
        }
        long closing = r.here();
        r.i(addi(LOOP, LOOP, -1), bne(LOOP, 0, (int) (start - closing - 4)), ECALL);
        r.set(LOOP, rounds).set(D, DATA).set(BAD, UNMAPPED).set(CODE, (start - 1024) & ~3L).set(RO, READ_ONLY).set(CL, CLEAN);
        for (int x = 1; x < 25; x++) r.set(x, rnd.nextLong() >> rnd.nextInt(64));
        r.map(READ_ONLY, Rig.RWX & ~dev.vitrine.mmu.Pte.W & ~dev.vitrine.mmu.Pte.D);
        r.map(CLEAN, Rig.RWX & ~dev.vitrine.mmu.Pte.D);
        r.hart.pc = start;
    }

    private int reg() { return 1 + rnd.nextInt(24); }
    private int creg() { return 8 + rnd.nextInt(8); }

    private void addRandom() {
        int k = rnd.nextInt(100);
        if (k < 30) plain(alu());
        else if (k < 40) plain(Asm.m(rnd.nextInt(8), reg(), reg(), reg()));
        else if (k < 45) plain(Asm.mw(new int[] {0, 4, 5, 6, 7}[rnd.nextInt(5)], reg(), reg(), reg()));
        else if (k < 54) compressed();
        else if (k < 55) body.add(new Insn(0, false, PATCH, 0));
        else if (k < 70) memory();
        else if (k < 76) {
            body.add(new Insn(rnd.nextBoolean() ? 0 : reg(), false, JALR_PAIR, body.size() + 1 + rnd.nextInt(2)));
        } else if (k < 80) body.add(new Insn(rnd.nextBoolean() ? 0 : reg(), false, JAL, body.size() + 1 + rnd.nextInt(3)));
        else if (k < 92) {
            int f3 = new int[] {0, 1, 4, 5, 6, 7}[rnd.nextInt(6)];
            int bits = f3 << 12 | reg() << 15 | reg() << 20 | 0x63;
            body.add(new Insn(bits, false, BRANCH, body.size() + 1 + rnd.nextInt(4)));
        } else plain(addi(reg(), reg(), rnd.nextInt(4096) - 2048));
    }

    /**
     * Stores into its own block, every round: the word of the addi at its end again into the
     * data page, but in every 16th round (x31 & 15 == 0) into the addi itself, whose
     * immediate then flips between 0 and 1 (bit 4 of x31). A translated block that ran on
     * past that store would add the stale immediate to x24.
     */
    private static void patch(Rig r) {
        int a = 21, b = 22, c = 23, target = addi(24, 24, 0), hi = (target + 0x800) >> 12;
        r.i(auipc(a, 0), andi(b, LOOP, 15), sltiu(b, b, 1), sub(b, 0, b),   // b = all ones in a patch round
            addi(a, a, 56), xor(a, a, D), and(a, a, b), xor(a, a, D),         // a = the addi or the data page
            andi(b, LOOP, 16), slli(b, b, 16), lui(c, hi), addi(c, c, target - (hi << 12)), add(b, b, c),
            sw(b, a, 0), target);
    }

    private void plain(int bits) { body.add(new Insn(bits, false, PLAIN, 0)); }

    private int alu() {
        int rd = reg(), a = reg(), b = reg();
        return switch (rnd.nextInt(24)) {
            case 0 -> add(rd, a, b); case 1 -> sub(rd, a, b); case 2 -> sll(rd, a, b); case 3 -> slt(rd, a, b);
            case 4 -> sltu(rd, a, b); case 5 -> xor(rd, a, b); case 6 -> srl(rd, a, b); case 7 -> sra(rd, a, b);
            case 8 -> or(rd, a, b); case 9 -> and(rd, a, b); case 10 -> addw(rd, a, b); case 11 -> subw(rd, a, b);
            case 12 -> sllw(rd, a, b); case 13 -> srlw(rd, a, b); case 14 -> sraw(rd, a, b);
            case 15 -> slti(rd, a, rnd.nextInt(4096) - 2048); case 16 -> sltiu(rd, a, rnd.nextInt(4096) - 2048);
            case 17 -> xori(rd, a, rnd.nextInt(4096) - 2048); case 18 -> slli(rd, a, rnd.nextInt(64));
            case 19 -> srai(rd, a, rnd.nextInt(64)); case 20 -> addiw(rd, a, rnd.nextInt(4096) - 2048);
            case 21 -> sraiw(rd, a, rnd.nextInt(32)); case 22 -> lui(rd, rnd.nextInt(1 << 20));
            default -> auipc(rd, rnd.nextInt(1 << 20));
        };
    }

    private void compressed() {
        int rd = creg(), rs = creg(), imm = rnd.nextInt(64) - 32;
        int bits = switch (rnd.nextInt(8)) {
            case 0 -> imm == 0 ? 0x0001 : (imm >> 5 & 1) << 12 | reg() << 7 | (imm & 31) << 2 | 1;        // c.addi (c.nop)
            case 1 -> 2 << 13 | (imm >> 5 & 1) << 12 | reg() << 7 | (imm & 31) << 2 | 1;                    // c.li
            case 2 -> 4 << 13 | reg() << 7 | reg() << 2 | 2;                                                // c.mv
            case 3 -> 4 << 13 | 1 << 12 | reg() << 7 | reg() << 2 | 2;                                       // c.add
            case 4 -> 4 << 13 | 3 << 10 | (rd - 8) << 7 | rnd.nextInt(4) << 5 | (rs - 8) << 2 | 1;          // c.sub/xor/or/and
            case 5 -> 4 << 13 | 1 << 12 | 3 << 10 | (rd - 8) << 7 | rnd.nextInt(2) << 5 | (rs - 8) << 2 | 1; // c.subw/addw
            case 6 -> (rnd.nextInt(64) >> 5) << 12 | reg() << 7 | (1 + rnd.nextInt(31)) << 2 | 2;            // c.slli
            default -> 1 << 13 | (imm >> 5 & 1) << 12 | reg() << 7 | (imm & 31) << 2 | 1;                   // c.addiw
        };
        body.add(new Insn(bits, true, PLAIN, 0));
    }

    private void memory() {
        int k = rnd.nextInt(20);
        int base = k < 12 ? D : k < 14 ? BAD : k < 16 ? RO : k < 18 ? CL : CODE;
        int off = rnd.nextInt(4096) - 2048;
        if (base == CODE) { // read a code word and write it back unchanged: drops the decoded block
            // one entry, so that no branch lands between the two; only in every 16th round, so
            // that the blocks it drops are translated again in between
            body.add(new Insn(reg(), false, CODE_PAIR, rnd.nextInt(512) * 4));
            return;
        }
        if (rnd.nextInt(4) != 0) off &= ~7; // mostly aligned
        int rd = reg(), v = reg();
        plain(switch (rnd.nextInt(11)) {
            case 0 -> lb(rd, base, off); case 1 -> lbu(rd, base, off); case 2 -> lh(rd, base, off); case 3 -> lhu(rd, base, off);
            case 4 -> lw(rd, base, off); case 5 -> lwu(rd, base, off); case 6 -> ld(rd, base, off);
            case 7 -> sb(v, base, off); case 8 -> sh(v, base, off); case 9 -> sw(v, base, off);
            default -> sd(v, base, off);
        });
    }
}
