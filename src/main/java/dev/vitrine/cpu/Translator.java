package dev.vitrine.cpu;

import dev.vitrine.mmu.PhysicalMemory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Translates a hot guest block into a hidden JVM class (a {@link Translated}) that C2 then
 * compiles like any Java method. A block is the run of instructions from a head through
 * not-taken branches, and on at the target of each {@code j} and {@code jal}, up to its first
 * {@code jalr}, never past the page (or the 4 KiB code block) it starts in, never twice
 * through the same instruction, at most {@link #MAX} long; it stops before the first
 * instruction it does not translate (FP arithmetic, CSRs, atomics, ecall, loads into x0,
 * illegal encodings, a 32-bit instruction straddling the boundary): the interpreter runs
 * those. It also takes in each short path that a taken branch goes off on and that comes
 * back into it ({@link #DETOUR}). A branch or jump to an instruction of the block is a JVM
 * jump inside the method (see BlockEmitter's jumpTo): loops within a page run without
 * leaving it.
 *
 * <p>Exactness: each instruction does what the interpreter's case does, in the same order.
 * A load or store that one of the MMU's two remembered data pages serves is counted as
 * {@link dev.vitrine.mmu.Mmu#loadChunk} counts it (numbered in locals, handed over through
 * {@link dev.vitrine.mmu.Mmu#pendHits} before anything else reaches the MMU); any other goes
 * through {@link Lsu#miss}, the interpreter's own path, after the hits so far are handed
 * over (see BlockEmitter's load); loads and stores that one test can serve together share it
 * ({@link PageGroups}, which says why that counts the same). Registers are copied into locals at entry and back at every exit. A
 * faulting access exits before its instruction writes anything; a store into a block with
 * decoded code goes through Lsu.miss, which drops that code, and if it was this block's own,
 * the block leaves before the next instruction, which the interpreter then decodes afresh,
 * as it would have.
 */
final class Translator {
    private Translator() {}

    /** The longest block: keeps every generated method far below C2's 8,000-byte limit. */
    static final int MAX = 64;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();

    /**
     * The block whose first instruction is at physical {@code pa} (virtual {@code pc}), its
     * decoded words taken from (and missing ones decoded into) {@code code}, the block's
     * array of {@link CodeCache}; {@link Translated#NONE} when its first instruction is not
     * translated. {@code crossMask}: the page or code block, whichever is smaller, less one.
     */
    static Translated translate(long[] code, PhysicalMemory ram, long pa, long pc, int crossMask) {
        long[] words = new long[MAX], pcs = new long[MAX];
        long delta = pa - pc; // a multiple of crossMask + 1: the page, or a code block inside it
        int n = trace(code, ram, words, pcs, 0, pc, delta, crossMask, MAX, MAX);
        if (n == 0) return Translated.NONE;
        // Then the short paths a taken branch goes off on before it comes back into the block
        // (sort's partition loop, where "while (a[i] < p)" fails at once half the time), while
        // the data path's inlining budget lasts (see ACCESSES): each would otherwise leave the
        // block and come back through the hart. Only paths that come back: a branch out to
        // other code (another function's body) stays an exit, as before.
        for (int i = 0; i < n && n < MAX; i++) {
            if (!conditional(Op.base(Op.op(words[i])))) continue;
            long target = pcs[i] + (words[i] >> 32);
            if ((target & ~(long) crossMask) != (pc & ~(long) crossMask) || indexOf(pcs, n, target) >= 0) continue;
            int room = ACCESSES - accesses(words, n);
            if (room <= 0) break;
            int m = trace(code, ram, words, pcs, n, target, delta, crossMask, room, Math.min(MAX, n + DETOUR));
            if (m > n && indexOf(pcs, m, next(words[m - 1], pcs[m - 1])) >= 0) n = m; // else dropped: words past n are not read
        }
        BlockEmitter emitter = new BlockEmitter(words, pcs, n, pa - pc, true);
        byte[] bytes = emitter.emit();
        // A group's cold copy makes the method longer; one past HugeMethodLimit would never be compiled.
        if (emitter.codeLength > CODE_LIMIT) bytes = new BlockEmitter(words, pcs, n, pa - pc, false).emit();
        try {
            MethodHandles.Lookup lookup = LOOKUP.defineHiddenClass(bytes, true);
            MethodHandle make = lookup.findConstructor(lookup.lookupClass(),
                    MethodType.methodType(void.class, long[].class, int.class, long.class));
            return (Translated) make.invoke(code, n, pc);
        } catch (Throwable e) {
            throw new IllegalStateException("translating the block at 0x" + Long.toHexString(pc), e);
        }
    }

    /**
     * The most loads and stores a block takes in with the taken branches' code. Each inlines
     * about 300 bytes of bytecode (the VarHandle behind Lsu.get64 and the rest, the MMU's
     * getters); past C2's 8,000 (DesiredMethodLimit) the rest become calls, and a call in a
     * hot loop puts every guest register on the stack.
     */
    static final int ACCESSES = 14;

    /** The longest a block's method may be with its groups (PageGroups): below C2's 8,000 bytes, the JVM's HugeMethodLimit. */
    static final int CODE_LIMIT = 7_500;

    /** The longest path off and back into a block that it takes in. */
    static final int DETOUR = 8;

    /** Where the instruction at pc goes on to when it does not jump (a branch not taken), or a jump's target; -1 for jr and jalr. */
    private static long next(long d, long pc) {
        int base = Op.base(Op.op(d));
        if (base == Op.J || base == Op.JAL) return pc + (d >> 32);
        if (base == Op.JR || base == Op.JALR) return -1;
        return pc + length(d);
    }

    /**
     * Appends to words and pcs (n of them so far) the run from {@code at}: through not-taken
     * branches, on at the target of each {@code j} and {@code jal}, up to its first other
     * jump, never off the region, never twice through an instruction, at most {@code limit}
     * in all, and at most {@code accesses} loads and stores. Returns the new n.
     */
    private static int trace(long[] code, PhysicalMemory ram, long[] words, long[] pcs, int n, long at, long delta, int crossMask, int accesses, int limit) {
        long region = at & ~(long) crossMask;
        while (n < limit && (at & ~(long) crossMask) == region && indexOf(pcs, n, at) < 0) {
            long d = decoded(code, ram, at + delta, crossMask);
            if (d == 0 || !translated(Op.op(d))) break;
            int base = Op.base(Op.op(d));
            if (isAccess(base) && accesses-- <= 0) break;
            words[n] = d;
            pcs[n++] = at;
            // j and jal go on at their target (the loop stops if it is on another page or already here)
            if (base == Op.J || base == Op.JAL) at += d >> 32;
            else if (jumps(base)) break;
            else at += length(d);
        }
        return n;
    }

    private static int accesses(long[] words, int n) {
        int a = 0;
        for (int i = 0; i < n; i++) if (isAccess(Op.base(Op.op(words[i])))) a++;
        return a;
    }

    static boolean isAccess(int base) {
        return switch (base) {
            case Op.LB, Op.LBU, Op.LH, Op.LHU, Op.LW, Op.LWU, Op.LD, Op.FLW, Op.FLD, Op.SB, Op.SH, Op.SW, Op.SD, Op.FSW, Op.FSD -> true;
            default -> false;
        };
    }

    static boolean conditional(int base) {
        return base == Op.BEQ || base == Op.BNE || base == Op.BLT || base == Op.BGE || base == Op.BLTU || base == Op.BGEU;
    }

    /** The decoded word at pa (decoded and cached now if need be, as Hart.fetchSlow does); 0 if it straddles. */
    private static long decoded(long[] code, PhysicalMemory ram, long pa, int crossMask) {
        int slot = ((int) pa & 0xfff) >>> 1;
        long d = code[slot];
        if (d != 0) return d;
        int lo = ram.read16(pa);
        if ((lo & 3) != 3) d = Rvc.decode(lo);
        else if (((int) pa & crossMask) == crossMask - 1) return 0;
        else d = Decoder.decode(ram.read32(pa));
        code[slot] = d;
        return d;
    }

    /** How far the interpreter advances pc past it: the compressed twins are 2 bytes, the rest 4. */
    static int length(long d) { return Op.base(Op.op(d)) != Op.op(d) ? 2 : 4; }

    private static boolean translated(int op) {
        return op >= Op.C_NOP ? op <= Op.C_JR : op > Op.ILLEGAL && op <= Op.JR;
    }

    /** Whether instruction i ends a run: the next in pcs is not where it falls through to (or there is none). */
    static boolean runEnd(long[] words, long[] pcs, int n, int i) {
        return i == n - 1 || pcs[i + 1] != pcs[i] + length(words[i]);
    }

    /** The index of {@code pc} among the first n of {@code pcs}, or -1. */
    static int indexOf(long[] pcs, int n, long pc) {
        for (int i = 0; i < n; i++) if (pcs[i] == pc) return i;
        return -1;
    }

    /** Unconditional transfers end a block; conditional branches leave it only when taken. */
    static boolean jumps(int base) {
        return base == Op.JAL || base == Op.JALR || base == Op.J || base == Op.JR;
    }

    /** The bytes a load or store moves. */
    static int size(int op) {
        return switch (op) {
            case Op.LB, Op.LBU, Op.SB -> 1;
            case Op.LH, Op.LHU, Op.SH -> 2;
            case Op.LW, Op.LWU, Op.FLW, Op.SW, Op.FSW -> 4;
            default -> 8;
        };
    }

    static boolean isStore(int op) {
        return op == Op.SB || op == Op.SH || op == Op.SW || op == Op.SD || op == Op.FSW || op == Op.FSD;
    }

    private static boolean isBranch(int op) {
        return op == Op.BEQ || op == Op.BNE || op == Op.BLT || op == Op.BGE || op == Op.BLTU || op == Op.BGEU || op == Op.J || op == Op.JR;
    }

    /** Whether decoded instruction d writes x[rd] (an x register, not an FP one; x0 included). */
    static boolean writesX(long d) {
        int base = Op.base(Op.op(d));
        return base != Op.FLW && base != Op.FLD && !isStore(base) && !isBranch(base);
    }

}
