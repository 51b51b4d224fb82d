package dev.vitrine.cpu;

/**
 * The loads and stores of a translated block that one page test can serve together: a group
 * is two or more accesses through the same base register, one after another on a straight
 * run of the block, with no other load or store, no jump or branch, and no instruction that
 * a jump in the block reaches between them, the base register written by none of them but
 * possibly the last, and all within {@link #SPAN} bytes of each other. A function's prologue
 * (stores of the saved registers through sp), its epilogue, and reads of a record's fields
 * are such groups.
 *
 * <p>Why one test serves them all, exactly: the base register holds one value throughout, so
 * each access's address is known at the first; if all of them lie in one 4 KiB page that one
 * of the MMU's two remembered data pages serves, each would have passed its own test against
 * the same page, as nothing between them can leave the block or reach the MMU (only a load or
 * store could, and a miss would change the remembered pages). Their hits are numbered one
 * after another, so the last one's number is known at the first.
 */
final class PageGroups {
    private PageGroups() {}

    /** The widest a group's accesses may lie apart, first byte to last: a wider one crosses a page more often. */
    static final int SPAN = 1024;

    /** Not in a group ({@link #find}'s value). */
    static final int NONE = -1;
    /** A later member of a group ({@link #find}'s value). */
    static final int MEMBER = -2;

    /**
     * For each of the block's n instructions (in order of execution, pcs their addresses): for
     * the first access of a group, the index of its last; for each later instruction up to
     * that last, {@link #MEMBER}; else {@link #NONE}.
     */
    static int[] find(long[] words, long[] pcs, int n) {
        int[] group = none(n);
        boolean[] reached = reached(words, pcs, n);
        for (int i = 0; i < n; i++) {
            int base = Op.base(Op.op(words[i]));
            if (group[i] != NONE || !Translator.isAccess(base)) continue;
            int rs1 = Op.rs1(words[i]);
            long lo = words[i] >> 32, hi = lo + Translator.size(base);
            int last = i;
            boolean open = !writes(words[i], rs1);
            for (int t = i + 1; open && t < n; t++) {
                if (Translator.runEnd(words, pcs, n, t - 1) || reached[t]) break;
                int b = Op.base(Op.op(words[t]));
                if (Translator.conditional(b) || Translator.jumps(b)) break;
                if (Translator.isAccess(b)) {
                    long imm = words[t] >> 32;
                    if (Op.rs1(words[t]) != rs1) break;
                    long lo2 = Math.min(lo, imm), hi2 = Math.max(hi, imm + Translator.size(b));
                    if (hi2 - lo2 > SPAN) break;
                    lo = lo2;
                    hi = hi2;
                    last = t;
                }
                open = !writes(words[t], rs1);
            }
            if (last == i) continue;
            group[i] = last;
            for (int t = i + 1; t <= last; t++) group[t] = MEMBER;
        }
        return group;
    }

    /** {@link #find}'s answer with no groups. */
    static int[] none(int n) {
        int[] group = new int[n];
        java.util.Arrays.fill(group, NONE);
        return group;
    }

    /** Whether instruction d writes x register r (never x0). */
    private static boolean writes(long d, int r) {
        return r != 0 && Translator.writesX(d) && Op.rd(d) == r;
    }

    /** The instructions a transfer inside the block goes to: a taken branch, a followed jump, or a run's end falling through. */
    private static boolean[] reached(long[] words, long[] pcs, int n) {
        boolean[] reached = new boolean[n];
        for (int i = 0; i < n; i++) {
            long d = words[i];
            int base = Op.base(Op.op(d));
            if (Translator.conditional(base) || base == Op.J || base == Op.JAL) mark(reached, pcs, n, pcs[i] + (d >> 32));
            if (Translator.runEnd(words, pcs, n, i) && !Translator.jumps(base)) mark(reached, pcs, n, pcs[i] + Translator.length(d));
        }
        return reached;
    }

    private static void mark(boolean[] reached, long[] pcs, int n, long pc) {
        int j = Translator.indexOf(pcs, n, pc);
        if (j >= 0) reached[j] = true;
    }
}
