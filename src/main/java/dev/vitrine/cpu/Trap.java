package dev.vitrine.cpu;

/** Why {@link Hart#run} returned control to the kernel. Ints, so the hot loop allocates nothing. */
public final class Trap {
    private Trap() {}
    /** The instruction budget ran out; pc is at the next instruction to execute. */
    public static final int LIMIT = 0;
    /** ecall: pc still points at the ecall; the kernel advances it by 4 when it returns. */
    public static final int ECALL = 1;
    /** ebreak: pc at the ebreak. */
    public static final int BREAKPOINT = 2;
    /** The MMU refused a fetch, load or store: pc at the faulting instruction, the mmu holds the cause. */
    public static final int PAGE_FAULT = 3;
    /** An illegal or unsupported encoding: pc at it, {@link Hart#trapValue} holds the bits. */
    public static final int ILLEGAL = 4;
    /** A misaligned LR/SC/AMO (Linux does not emulate those: SIGBUS, BUS_ADRALN): trapValue holds the address. */
    public static final int MISALIGNED = 5;

    public static String name(int trap) {
        return switch (trap) {
            case LIMIT -> "limit"; case ECALL -> "ecall"; case BREAKPOINT -> "ebreak";
            case PAGE_FAULT -> "page fault"; case ILLEGAL -> "illegal instruction"; case MISALIGNED -> "misaligned atomic"; default -> "trap " + trap;
        };
    }
}
