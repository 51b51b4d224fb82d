package dev.vitrine.cpu;

import dev.vitrine.mmu.PhysicalMemory;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import static dev.vitrine.cpu.Translator.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * Writes one translated block's class (see {@link Translator}, which chooses the block): a
 * hidden subclass of {@link Translated} whose run() does what the interpreter would for each
 * of the block's instructions, with guest registers in JVM locals.
 */
final class BlockEmitter {
    private static final String SUPER = Type.getInternalName(Translated.class);
    private static final String LSU = Type.getInternalName(Lsu.class);
    private static final String MMU_T = Type.getInternalName(dev.vitrine.mmu.Mmu.class);
    private static final boolean COUNTS = dev.vitrine.mmu.Mmu.countsHits();
    private static final String HART = Type.getInternalName(Hart.class);
    private static final String ALU = Type.getInternalName(Alu.class);
    private static final String RUN_DESC = "([J[J" + Type.getDescriptor(Lsu.class) + Type.getDescriptor(Hart.class) + "I)I";

    // Locals of run(): this, x, f, lsu, hart, room, then x1..x31 as longs, then scratch.
    // Ints: DONE, the instructions retired in earlier passes, and ACC, their loads and stores
    // (see jumpTo); PD and PP, the number of the last hit on each data page (see served).
    private static final int X = 1, F = 2, L = 3, H = 4, ROOM = 5, TMP = 68, TMPI = 70, EXIT_PC = 71, EXIT_N = 73, VA = 75, C = 77,
            MMU = 78, BLOCKS = 79, VPN = 80, DONE = 82, ACC = 83, PD = 84, PP = 85;

    private static int local(int r) { return 6 + 2 * (r - 1); }

    private final long[] words;
    private final int n;
    private final long delta;
    private final boolean[] written = new boolean[32];
    private final boolean[] used = new boolean[32];
    private final Label exit = new Label();
    /** Code emitted after the last instruction: each access's way out when the chunk does not serve it. */
    private final java.util.List<Runnable> cold = new java.util.ArrayList<>();
    /** accesses[i]: the loads and stores among the first i instructions (in pcs' order). */
    private final int[] accesses;
    /** The label before each instruction, and its pc: a branch or jump to one of them stays in the method. */
    private final Label[] at;
    private final long[] pcs;
    /** PageGroups.find's answer (all NONE without groups); endAt[last]: the label past a group's last instruction. */
    private final int[] group;
    private final Label[] endAt;
    /** While a group's cold copy is written: its loads and stores test their pages one by one. */
    private boolean plain;
    /** The bytes of run()'s code, once emitted. */
    int codeLength;
    private MethodVisitor mv;

    /**
     * {@code pcs}: each instruction's pc (in order of execution: a followed jump's target
     * comes next); delta = pa - pc; {@code groups}: whether accesses in a group share one test.
     */
    BlockEmitter(long[] words, long[] pcs, int n, long delta, boolean groups) {
        this.words = words;
        this.n = n;
        this.pcs = pcs;
        this.delta = delta;
        this.group = groups ? PageGroups.find(words, pcs, n) : PageGroups.none(n);
        this.endAt = new Label[n];
        for (int i = 0; i < n; i++) if (group[i] >= 0) endAt[group[i]] = new Label();
        this.at = new Label[n];
        this.accesses = new int[n + 1];
        for (int i = 0; i < n; i++) accesses[i + 1] = accesses[i] + (isAccess(Op.base(Op.op(words[i]))) ? 1 : 0);
        for (int i = 0; i < n; i++) at[i] = new Label();
        for (int i = 0; i < n; i++) {
            long d = words[i];
            int base = Op.base(Op.op(d));
            boolean fpDest = base == Op.FLW || base == Op.FLD;
            boolean fpSrc = base == Op.FSW || base == Op.FSD;
            if (writesX(d)) written[Op.rd(d)] = true;
            used[Op.rd(d)] |= !fpDest && written[Op.rd(d)];
            used[Op.rs1(d)] = true;
            if (!fpSrc) used[Op.rs2(d)] = true;
        }
        written[0] = used[0] = false;
        for (int r = 1; r < 32; r++) used[r] |= written[r];
    }

    byte[] emit() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_FINAL | ACC_SUPER, "dev/vitrine/cpu/Block", null, SUPER, null);
        MethodVisitor init = cw.visitMethod(0, "<init>", "([JIJ)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitVarInsn(ILOAD, 2);
        init.visitVarInsn(LLOAD, 3);
        init.visitMethodInsn(INVOKESPECIAL, SUPER, "<init>", "([JIJ)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        mv = cw.visitMethod(0, "run", RUN_DESC, null, null);
        mv.visitCode();
        for (int r = 1; r < 32; r++) {
            if (!used[r]) continue;
            mv.visitVarInsn(ALOAD, X);
            push(r);
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(LSTORE, local(r));
        }
        mv.visitVarInsn(ALOAD, L);
        mv.visitFieldInsn(GETFIELD, LSU, "mmu", "L" + MMU_T + ";");
        mv.visitVarInsn(ASTORE, MMU);
        mv.visitVarInsn(ALOAD, L);
        mv.visitFieldInsn(GETFIELD, LSU, "blocks", "[[J");
        mv.visitVarInsn(ASTORE, BLOCKS);
        for (int v : new int[] {DONE, ACC, PD, PP}) {
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, v);
        }
        for (int i = 0; i < n; i++) {
            long d = words[i];
            mv.visitLabel(at[i]);
            // The end of a run: what follows in pcs is not where this one falls through to.
            boolean runEnd = runEnd(words, pcs, n, i);
            boolean ended = instruction(d, i + 1, pcs[i], pcs[i] + delta, length(d), runEnd);
            if (endAt[i] != null) mv.visitLabel(endAt[i]);
            if (runEnd && !ended) jumpTo(pcs[i] + length(d), i + 1); // falls through: out, or elsewhere in the block
        }
        for (int c = 0; c < cold.size(); c++) cold.get(c).run(); // a group's cold copy adds its accesses' own
        // The one exit: the hits numbered in PD and PP to the MMU, registers back, then pc and the count.
        mv.visitLabel(exit);
        pendHits();
        for (int r = 1; r < 32; r++) {
            if (!written[r]) continue;
            mv.visitVarInsn(ALOAD, X);
            push(r);
            mv.visitVarInsn(LLOAD, local(r));
            mv.visitInsn(LASTORE);
        }
        mv.visitVarInsn(ALOAD, H);
        mv.visitVarInsn(LLOAD, EXIT_PC);
        mv.visitFieldInsn(PUTFIELD, HART, "exitPc", "J");
        mv.visitVarInsn(ILOAD, EXIT_N);
        mv.visitInsn(IRETURN);
        Label end = new Label();
        mv.visitLabel(end);
        codeLength = end.getOffset();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Emits instruction number k (from 1); true if it ended the block (a jump, or a branch as the last instruction). */
    private boolean instruction(long d, int k, long pc, long pa, int len, boolean last) {
        int op = Op.base(Op.op(d));
        int rd = Op.rd(d), rs1 = Op.rs1(d), rs2 = Op.rs2(d);
        long imm = d >> 32;
        switch (op) {
            case Op.NOP -> { }
            case Op.LI, Op.LUI -> { lconst(imm); set(rd); }
            case Op.MV -> { get(rs1); set(rd); }
            case Op.AUIPC -> { lconst(pc + imm); set(rd); }
            case Op.ADDI -> binImm(rs1, imm, LADD, rd);
            case Op.XORI -> binImm(rs1, imm, LXOR, rd);
            case Op.ORI -> binImm(rs1, imm, LOR, rd);
            case Op.ANDI -> binImm(rs1, imm, LAND, rd);
            case Op.SLTI -> { get(rs1); lconst(imm); mv.visitInsn(LCMP); less(); set(rd); }
            case Op.SLTIU -> { get(rs1); lconst(Long.MIN_VALUE); mv.visitInsn(LXOR); lconst(imm ^ Long.MIN_VALUE); mv.visitInsn(LCMP); less(); set(rd); }
            case Op.SLLI -> shiftImm(rs1, imm & 63, LSHL, rd);
            case Op.SRLI -> shiftImm(rs1, imm & 63, LUSHR, rd);
            case Op.SRAI -> shiftImm(rs1, imm & 63, LSHR, rd);
            case Op.ADDIW -> { binImm(rs1, imm, LADD, -1); word(rd); }
            case Op.SLLIW -> shiftImmW(rs1, imm & 31, ISHL, rd);
            case Op.SRLIW -> shiftImmW(rs1, imm & 31, IUSHR, rd);
            case Op.SRAIW -> shiftImmW(rs1, imm & 31, ISHR, rd);
            case Op.ADD -> bin(rs1, rs2, LADD, rd);
            case Op.SUB -> bin(rs1, rs2, LSUB, rd);
            case Op.XOR -> bin(rs1, rs2, LXOR, rd);
            case Op.OR -> bin(rs1, rs2, LOR, rd);
            case Op.AND -> bin(rs1, rs2, LAND, rd);
            case Op.MUL -> bin(rs1, rs2, LMUL, rd);
            case Op.SLL -> shift(rs1, rs2, LSHL, rd);
            case Op.SRL -> shift(rs1, rs2, LUSHR, rd);
            case Op.SRA -> shift(rs1, rs2, LSHR, rd);
            case Op.SLT -> { compare(rs1, rs2, false); less(); set(rd); }
            case Op.SLTU -> { compare(rs1, rs2, true); less(); set(rd); }
            case Op.ADDW -> { bin(rs1, rs2, LADD, -1); word(rd); }
            case Op.SUBW -> { bin(rs1, rs2, LSUB, -1); word(rd); }
            case Op.SLLW -> shiftW(rs1, rs2, ISHL, rd);
            case Op.SRLW -> shiftW(rs1, rs2, IUSHR, rd);
            case Op.SRAW -> shiftW(rs1, rs2, ISHR, rd);
            case Op.MULW -> { get(rs1); mv.visitInsn(L2I); get(rs2); mv.visitInsn(L2I); mv.visitInsn(IMUL); mv.visitInsn(I2L); set(rd); }
            case Op.MULH -> alu("mulh", rs1, rs2, rd);
            case Op.MULHSU -> alu("mulhsu", rs1, rs2, rd);
            case Op.MULHU -> alu("mulhu", rs1, rs2, rd);
            case Op.DIV -> alu("div", rs1, rs2, rd);
            case Op.DIVU -> alu("divu", rs1, rs2, rd);
            case Op.REM -> alu("rem", rs1, rs2, rd);
            case Op.REMU -> alu("remu", rs1, rs2, rd);
            case Op.DIVW -> alu("divw", rs1, rs2, rd);
            case Op.DIVUW -> alu("divuw", rs1, rs2, rd);
            case Op.REMW -> alu("remw", rs1, rs2, rd);
            case Op.REMUW -> alu("remuw", rs1, rs2, rd);
            case Op.LB, Op.LBU, Op.LH, Op.LHU, Op.LW, Op.LWU, Op.LD, Op.FLW, Op.FLD -> load(op, rs1, imm, rd, k, pc, len);
            case Op.SB, Op.SH, Op.SW, Op.SD, Op.FSW, Op.FSD -> store(op, rs1, rs2, imm, k, pc, len);
            case Op.JAL -> { lconst(pc + len); set(rd); jumpTo(pc + imm, k); return true; }
            case Op.J -> { jumpTo(pc + imm, k); return true; }
            case Op.JR -> { target(rs1, imm); exitTo(k); return true; }
            case Op.JALR -> { target(rs1, imm); lconst(pc + len); set(rd); exitTo(k); return true; }
            case Op.BEQ -> { branch(rs1, rs2, false, IFEQ, k, pc + imm, pc + len, last); return last; }
            case Op.BNE -> { branch(rs1, rs2, false, IFNE, k, pc + imm, pc + len, last); return last; }
            case Op.BLT -> { branch(rs1, rs2, false, IFLT, k, pc + imm, pc + len, last); return last; }
            case Op.BGE -> { branch(rs1, rs2, false, IFGE, k, pc + imm, pc + len, last); return last; }
            case Op.BLTU -> { branch(rs1, rs2, true, IFLT, k, pc + imm, pc + len, last); return last; }
            case Op.BGEU -> { branch(rs1, rs2, true, IFGE, k, pc + imm, pc + len, last); return last; }
            default -> throw new IllegalStateException("op " + op + " is not translated");
        }
        return false;
    }

    // Loads and stores. The block does the chunk test itself (Mmu.loadChunk's and
    // storeChunk's, against the two remembered data pages), numbers its hits in locals
    // (see served; what Lsu.pendHits hands the MMU on the way out), and reads or writes the
    // chunk. Anything else (another page, a crossing, a fault, a store into a block with
    // decoded code) is cold code after the last instruction: it hands the MMU the hits so
    // far, calls Lsu.miss, which counts and does the access as the interpreter's Lsu would,
    // and goes on with the next instruction, its hits numbered from 1 again (renumber); it
    // leaves at a fault, and after a store that dropped this block's own code. Before, the
    // block called Lsu's fast paths, whose miss call came back into them: the hits were
    // numbered through the MMU's fields in memory, and C2 reloaded the MMU's fields after
    // each access (docs/performance.md, session 7).

    /**
     * The chunk serving the {@code span} bytes at VA into C, the hit numbered {@code num}
     * (see served) kept as the last on its page; else to miss.
     */
    private void chunk(int span, boolean store, int num, Label miss) {
        if (span > 1) {
            offset();
            push(PhysicalMemory.CHUNK_MASK - (span - 1));
            mv.visitJumpInsn(IF_ICMPGT, miss);
        }
        mv.visitVarInsn(LLOAD, VA);
        push(PhysicalMemory.CHUNK_BITS);
        mv.visitInsn(LUSHR);
        mv.visitVarInsn(LSTORE, VPN);
        Label prev = new Label(), have = new Label();
        page(store ? "chunkStorePage" : "chunkLoadPage", prev);
        served(store, "dataChunk", "dataChunkIndex", PD, num, miss);
        mv.visitJumpInsn(GOTO, have);
        mv.visitLabel(prev);
        page(store ? "prevChunkStorePage" : "prevChunkLoadPage", miss);
        served(store, "prevChunk", "prevChunkIndex", PP, num, miss);
        mv.visitLabel(have);
    }

    /** On to {@code other} unless VPN is the page the MMU's {@code getter} names. */
    private void page(String getter, Label other) {
        mv.visitVarInsn(LLOAD, VPN);
        mv.visitVarInsn(ALOAD, MMU);
        mv.visitMethodInsn(INVOKEVIRTUAL, MMU_T, getter, "()J", false);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFNE, other);
    }

    /**
     * That page's chunk into C and its hit numbered into {@code last} (PD or PP); a store
     * into a block with decoded code goes to miss instead (Lsu.miss drops it). The number:
     * every load and store since the last hand-over is a hit (a miss hands over first and
     * renumbers), so instruction k's is one more than the loads and stores before it since
     * then: ACC, those of earlier passes, plus those before it in this pass ({@code num} =
     * accesses[k - 1] + 1; a group's is its last member's). One add of a constant per hit,
     * and no counter that a hit moves on: ACC changes only at a jump (and a miss).
     */
    private void served(boolean store, String chunk, String index, int last, int num, Label miss) {
        if (store) {
            mv.visitVarInsn(ALOAD, BLOCKS);
            mv.visitVarInsn(ALOAD, MMU);
            mv.visitMethodInsn(INVOKEVIRTUAL, MMU_T, index, "()I", false);
            mv.visitInsn(AALOAD);
            mv.visitJumpInsn(IFNONNULL, miss);
        }
        mv.visitVarInsn(ALOAD, MMU);
        mv.visitMethodInsn(INVOKEVIRTUAL, MMU_T, chunk, "()[B", false);
        mv.visitVarInsn(ASTORE, C);
        if (!COUNTS) return;
        mv.visitVarInsn(ILOAD, ACC);
        push(num);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, last);
    }

    /**
     * After instruction k's access went through Lsu.miss (which counted it, and took the
     * hits handed over before it into the figures), the next hit is number 1 again: ACC
     * becomes -accesses[k].
     */
    private void renumber(int k) {
        if (!COUNTS) return;
        push(-accesses[k]);
        mv.visitVarInsn(ISTORE, ACC);
    }

    /** Hands the MMU the hits numbered so far (Lsu.pendHits) and forgets them. */
    private void pendHits() {
        if (!COUNTS || accesses[n] == 0) return;
        mv.visitVarInsn(ALOAD, MMU);
        mv.visitVarInsn(ILOAD, PD);
        mv.visitVarInsn(ILOAD, PP);
        mv.visitMethodInsn(INVOKESTATIC, LSU, "pendHits", "(L" + MMU_T + ";II)V", false);
        for (int v : new int[] {PD, PP}) {
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, v);
        }
    }

    private void load(int op, int rs1, long imm, int rd, int k, long pc, int len) {
        int size = size(op);
        if (grouped(k)) {
            address(rs1, imm);
            mv.visitVarInsn(LSTORE, VA);
            read(size);
            loaded(op, rd);
            return;
        }
        Label miss = new Label();
        address(rs1, imm);
        mv.visitVarInsn(LSTORE, VA);
        chunk(size, false, accesses[k - 1] + 1, miss);
        read(size);
        loaded(op, rd);
        Label after = new Label();
        mv.visitLabel(after);
        cold.add(() -> {
            miss(miss, size, false, op, 0);
            mv.visitVarInsn(LSTORE, TMP);
            Label ok = new Label();
            mv.visitVarInsn(ALOAD, L);
            mv.visitFieldInsn(GETFIELD, LSU, "fault", "Z");
            mv.visitJumpInsn(IFEQ, ok);
            exitAt(pc, -k);
            mv.visitLabel(ok);
            mv.visitVarInsn(LLOAD, TMP);
            if (size < 8) mv.visitInsn(L2I);
            loaded(op, rd);
            renumber(k);
            mv.visitJumpInsn(GOTO, after);
        });
    }

    /** The loaded value on the stack (an int below 8 bytes, sign-extended from them) into rd, or f[rd] NaN-boxed. */
    private void loaded(int op, int rd) {
        boolean wide = op == Op.LD || op == Op.FLD;
        if (op == Op.FLW || op == Op.FLD) {
            mv.visitVarInsn(wide ? LSTORE : ISTORE, wide ? TMP : TMPI);
            mv.visitVarInsn(ALOAD, F);
            push(rd);
            if (op == Op.FLD) {
                mv.visitVarInsn(LLOAD, TMP);
            } else {
                mv.visitVarInsn(ILOAD, TMPI);
                mv.visitInsn(I2L);
                lconst(0xffffffffL);
                mv.visitInsn(LAND);
                lconst(0xffffffff00000000L);
                mv.visitInsn(LOR);
            }
            mv.visitInsn(LASTORE);
            return;
        }
        if (!wide) {
            switch (op) {
                case Op.LBU -> { push(0xff); mv.visitInsn(IAND); }
                case Op.LHU -> { push(0xffff); mv.visitInsn(IAND); }
                default -> { }
            }
            mv.visitInsn(I2L);
            if (op == Op.LWU) { lconst(0xffffffffL); mv.visitInsn(LAND); }
        }
        set(rd);
    }

    private void store(int op, int rs1, int rs2, long imm, int k, long pc, int len) {
        int size = size(op);
        if (grouped(k)) {
            address(rs1, imm);
            mv.visitVarInsn(LSTORE, VA);
            write(op, size, rs2);
            return;
        }
        Label miss = new Label();
        address(rs1, imm);
        mv.visitVarInsn(LSTORE, VA);
        chunk(size, true, accesses[k - 1] + 1, miss);
        write(op, size, rs2);
        Label after = new Label();
        mv.visitLabel(after);
        cold.add(() -> {
            miss(miss, size, true, op, rs2);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            Label done = new Label();
            mv.visitJumpInsn(IFNE, done);
            exitAt(pc, -k);
            mv.visitLabel(done);
            // It may have dropped this block's code (a store into its 4 KiB block goes this way).
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, SUPER, "code", "[J");
            push(((int) (pcs[0] + delta) & 0xfff) >>> 1);
            mv.visitInsn(LALOAD);
            mv.visitInsn(LCONST_0);
            mv.visitInsn(LCMP);
            Label gone = new Label();
            mv.visitJumpInsn(IFEQ, gone);
            renumber(k);
            mv.visitJumpInsn(GOTO, after);
            mv.visitLabel(gone);
            exitAt(pc + len, k);
        });
    }

    /** The {@code size} bytes at VA's offset in C, as the int (or long, for 8) that Lsu.get16 and the rest read. */
    private void read(int size) {
        mv.visitVarInsn(ALOAD, C);
        offset();
        if (size == 1) mv.visitInsn(BALOAD);
        else mv.visitMethodInsn(INVOKESTATIC, LSU, "get" + 8 * size, "([BI)" + type(size), false);
    }

    /** The store's value into the {@code size} bytes at VA's offset in C. */
    private void write(int op, int size, int rs2) {
        mv.visitVarInsn(ALOAD, C);
        offset();
        value(op, rs2);
        if (size < 8) mv.visitInsn(L2I);
        if (size == 1) mv.visitInsn(BASTORE);
        else {
            if (size == 2) mv.visitInsn(I2S);
            mv.visitMethodInsn(INVOKESTATIC, LSU, "set" + 8 * size, "([BI" + type(size) + ")V", false);
        }
    }

    /**
     * Whether instruction k's access is served by its group's one test (PageGroups): the
     * first member does the test here, for the group's whole span, with C the chunk and the
     * last member's hit number kept; a later member reads or writes C with no test of its
     * own. If the test fails, the group's instructions run from a copy in the cold code in
     * which each access tests its own page, and join the block again past the last.
     */
    private boolean grouped(int k) {
        int h = k - 1;
        if (plain || group[h] == PageGroups.NONE) return false;
        if (group[h] == PageGroups.MEMBER) return true;
        int last = group[h];
        long lo = Long.MAX_VALUE, hi = Long.MIN_VALUE;
        boolean store = false;
        for (int t = h; t <= last; t++) {
            int base = Op.base(Op.op(words[t]));
            if (!isAccess(base)) continue;
            long imm = words[t] >> 32;
            lo = Math.min(lo, imm);
            hi = Math.max(hi, imm + size(base));
            store |= isStore(base); // a page that grants stores grants loads (W without R is reserved)
        }
        Label slow = new Label();
        address(Op.rs1(words[h]), lo);
        mv.visitVarInsn(LSTORE, VA);
        chunk((int) (hi - lo), store, accesses[last] + 1, slow);
        cold.add(() -> {
            mv.visitLabel(slow);
            plain = true;
            for (int t = h; t <= last; t++) instruction(words[t], t + 1, pcs[t], pcs[t] + delta, length(words[t]), false);
            plain = false;
            mv.visitJumpInsn(GOTO, endAt[last]);
        });
        return true;
    }

    /** At {@code label}, an access the chunk did not serve: the hits so far handed over, then Lsu.miss's result on the stack. */
    private void miss(Label label, int size, boolean store, int op, int rs2) {
        mv.visitLabel(label);
        pendHits();
        mv.visitVarInsn(ALOAD, L);
        mv.visitVarInsn(LLOAD, VA);
        if (store) value(op, rs2);
        else mv.visitInsn(LCONST_0);
        push(size);
        mv.visitInsn(store ? ICONST_1 : ICONST_0);
        mv.visitMethodInsn(INVOKEVIRTUAL, LSU, "miss", "(JJIZ)J", false);
    }

    /** The long a store writes (the low bytes of): x[rs2], or f[rs2]'s bits. */
    private void value(int op, int rs2) {
        if (op == Op.FSW || op == Op.FSD) {
            mv.visitVarInsn(ALOAD, F);
            push(rs2);
            mv.visitInsn(LALOAD);
        } else {
            get(rs2);
        }
    }

    /** The access's offset in its chunk, (int) va & CHUNK_MASK, as an int on the stack. */
    private void offset() {
        mv.visitVarInsn(LLOAD, VA);
        mv.visitInsn(L2I);
        push(PhysicalMemory.CHUNK_MASK);
        mv.visitInsn(IAND);
    }

    /** The type an access of that size reads and writes (Lsu.get16 and the rest). */
    private static String type(int size) { return size == 2 ? "S" : size == 4 ? "I" : "J"; }


    /** Taken: leaves (or loops); not taken: goes on with the next instruction, or leaves if this is the last. */
    private void branch(int rs1, int rs2, boolean unsigned, int cond, int k, long taken, long next, boolean last) {
        compare(rs1, rs2, unsigned);
        Label notTaken = new Label();
        mv.visitJumpInsn(cond == IFEQ ? IFNE : cond == IFNE ? IFEQ : cond == IFLT ? IFGE : IFLT, notTaken);
        jumpTo(taken, k);
        mv.visitLabel(notTaken);
        if (last) jumpTo(next, k);
    }

    /**
     * A transfer to {@code target} after instruction k. To an instruction of this block
     * (on this page, so its fetch is one more hit, as the hart would count it) it goes on
     * there instead of leaving: forward always, backward only while every instruction the
     * block could still retire from there fits the room the hart gave.
     *
     * <p>The count: instruction number m of the current pass is the (DONE + m)-th this run
     * retired. Going on at instruction index j (number j + 1) after number k makes DONE +=
     * k - j, so the target's number is still one past what retired. From there at most
     * number n can follow; so backward (j &lt; k), DONE + n must stay within the room;
     * forward DONE only shrinks (it may go below zero). The loads and stores likewise in
     * ACC, += accesses[k] - accesses[j], read only as part of a hit's number (see served).
     */
    private void jumpTo(long target, int k) {
        int j = indexOf(target);
        if (j < 0) { exitAt(target, k); return; }
        mv.visitVarInsn(ILOAD, DONE);
        push(k - j);
        mv.visitInsn(IADD);
        mv.visitVarInsn(ISTORE, TMPI);
        Label leave = new Label();
        if (j < k) {
            mv.visitVarInsn(ILOAD, TMPI);
            push(n);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ILOAD, ROOM);
            mv.visitJumpInsn(IF_ICMPGT, leave);
        }
        mv.visitVarInsn(ILOAD, TMPI);
        mv.visitVarInsn(ISTORE, DONE);
        if (accesses[k] != accesses[j]) mv.visitIincInsn(ACC, accesses[k] - accesses[j]);
        mv.visitJumpInsn(GOTO, at[j]);
        if (j < k) {
            mv.visitLabel(leave);
            exitAt(target, k);
        }
    }

    private int indexOf(long pc) { return Translator.indexOf(pcs, n, pc); }

    /** (x[rs1] + imm) & ~1 into EXIT_PC, before rd is written (rd may be rs1). */
    private void target(int rs1, long imm) {
        get(rs1);
        lconst(imm);
        mv.visitInsn(LADD);
        lconst(~1L);
        mv.visitInsn(LAND);
        mv.visitVarInsn(LSTORE, EXIT_PC);
    }

    private void exitAt(long pc, int count) {
        lconst(pc);
        mv.visitVarInsn(LSTORE, EXIT_PC);
        exitTo(count);
    }

    /** Leaves with EXIT_PC already set: count k is instruction k of this pass (-k: it faulted), after DONE in earlier passes. */
    private void exitTo(int count) {
        mv.visitVarInsn(ILOAD, DONE);
        push(Math.abs(count));
        mv.visitInsn(IADD);
        if (count < 0) mv.visitInsn(INEG);
        mv.visitVarInsn(ISTORE, EXIT_N);
        mv.visitJumpInsn(GOTO, exit);
    }

    private void address(int rs1, long imm) {
        get(rs1);
        if (imm != 0) { lconst(imm); mv.visitInsn(LADD); }
    }

    private void binImm(int rs1, long imm, int insn, int rd) {
        get(rs1);
        lconst(imm);
        mv.visitInsn(insn);
        if (rd >= 0) set(rd);
    }

    private void bin(int rs1, int rs2, int insn, int rd) {
        get(rs1);
        get(rs2);
        mv.visitInsn(insn);
        if (rd >= 0) set(rd);
    }

    private void shiftImm(int rs1, long sh, int insn, int rd) {
        get(rs1);
        push((int) sh);
        mv.visitInsn(insn);
        set(rd);
    }

    private void shiftImmW(int rs1, long sh, int insn, int rd) {
        get(rs1);
        mv.visitInsn(L2I);
        push((int) sh);
        mv.visitInsn(insn);
        mv.visitInsn(I2L);
        set(rd);
    }

    private void shift(int rs1, int rs2, int insn, int rd) {
        get(rs1);
        get(rs2);
        mv.visitInsn(L2I);
        mv.visitInsn(insn);
        set(rd);
    }

    private void shiftW(int rs1, int rs2, int insn, int rd) {
        get(rs1);
        mv.visitInsn(L2I);
        get(rs2);
        mv.visitInsn(L2I);
        mv.visitInsn(insn);
        mv.visitInsn(I2L);
        set(rd);
    }

    /** Sign-extends the low word of the long on the stack into rd. */
    private void word(int rd) {
        mv.visitInsn(L2I);
        mv.visitInsn(I2L);
        set(rd);
    }

    /**
     * x[rs1] against x[rs2] as LCMP leaves it; unsigned by flipping both sign bits first
     * (what Long.compareUnsigned does, written out: a call here would spend C2's inlining
     * budget, which the block's loads and stores need).
     */
    private void compare(int rs1, int rs2, boolean unsigned) {
        get(rs1);
        if (unsigned) { lconst(Long.MIN_VALUE); mv.visitInsn(LXOR); }
        get(rs2);
        if (unsigned) { lconst(Long.MIN_VALUE); mv.visitInsn(LXOR); }
        mv.visitInsn(LCMP);
    }

    /** Two longs on the stack to 1 if the first is less, else 0 (the stack holds LCMP's int). */
    private void less() {
        push(31);
        mv.visitInsn(IUSHR);
        mv.visitInsn(I2L);
    }

    private void alu(String name, int rs1, int rs2, int rd) {
        get(rs1);
        get(rs2);
        mv.visitMethodInsn(INVOKESTATIC, ALU, name, "(JJ)J", false);
        set(rd);
    }

    private void get(int r) {
        if (r == 0) mv.visitInsn(LCONST_0);
        else mv.visitVarInsn(LLOAD, local(r));
    }

    /** The long on the stack into rd (dropped for x0: the decoder sends writes to x0 elsewhere, but never trust it). */
    private void set(int rd) {
        if (rd == 0) mv.visitInsn(POP2);
        else mv.visitVarInsn(LSTORE, local(rd));
    }

    private void lconst(long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    private void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

}
