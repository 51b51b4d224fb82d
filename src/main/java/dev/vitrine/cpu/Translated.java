package dev.vitrine.cpu;

/**
 * A hot guest block translated to JVM bytecode by {@link Translator}: code on one page (and
 * one {@link CodeCache} block) from a head through not-taken branches up to its first jump,
 * the first instruction it does not translate, or {@link Translator#MAX} instructions; a
 * taken branch or jump to one of its own instructions goes on there (backward only while a
 * further pass fits the room), any other leaves it. Guest registers
 * live in JVM locals inside the block and are written back at every exit.
 *
 * <p>{@link #run} executes the block from its first instruction, whose fetch the hart has
 * already counted, retiring at most {@code room} instructions (it jumps back within itself only
 * while the rest of the block fits). It returns k &gt; 0 when k instructions retired and
 * {@link Hart#exitPc} is the next pc; or -k when the k-th instruction's memory access
 * faulted: k - 1 instructions retired, k were fetched (all on this page), {@code exitPc} is
 * the faulting instruction's pc and the MMU holds the fault (a load also left
 * {@link Lsu#fault} set). Registers and memory are then exactly what the interpreter leaves
 * at that point.
 */
abstract class Translated {
    /** The decoded words the block was built from: a store that drops them zeroes the array. */
    final long[] code;
    /** How many instructions it holds: the most one run can retire. */
    final int length;
    /** The virtual address it was translated for: pc-relative values are built in, so another mapping of the same frame may not use it. */
    final long pc;

    /**
     * The block this one's last run went to, if it was translated ({@link Hart#run} chains to it
     * after checking it is still what a lookup would find). A link is made only to a block the
     * lookup found, so once {@link CodeCache} forgets its translations the new ones never point
     * back at old ones: what links keep alive stays within the translations of one generation.
     */
    Translated next;
    /** The block a run went to before {@link #next} (a branch's other way, a return to another caller), checked the same way. */
    Translated other;

    Translated(long[] code, int length, long pc) {
        this.code = code;
        this.length = length;
        this.pc = pc;
    }

    abstract int run(long[] x, long[] f, Lsu lsu, Hart h, int room);

    /** A run of this block went on to {@code t}: it becomes {@link #next}, and the one before it {@link #other}. */
    final void link(Translated t) {
        if (next == t) return;
        other = next;
        next = t;
    }

    /** Marks a block head the translator cannot start with (its first instruction is not translated). */
    static final Translated NONE = new Translated(new long[1], 0, -1) {
        @Override int run(long[] x, long[] f, Lsu lsu, Hart h, int room) { throw new IllegalStateException("NONE ran"); }
    };
}
