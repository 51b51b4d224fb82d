package dev.vitrine.mmu;

/**
 * A page-table entry in the RISC-V layout: flag bits 0-7, two software bits, the physical
 * page number from bit 10. 4-byte entries (Sv32 shape) hold a 22-bit PPN, 8-byte ones 44.
 */
public final class Pte {
    private Pte() {}

    public static final long V = 1, R = 1 << 1, W = 1 << 2, X = 1 << 3, U = 1 << 4, G = 1 << 5, A = 1 << 6, D = 1 << 7;
    /** Software bits (RSW): the kernel marks copy-on-write pages with COW. */
    public static final long COW = 1 << 8, SW2 = 1 << 9;
    public static final int PPN_SHIFT = 10;

    public static long make(long ppn, long flags) { return (ppn << PPN_SHIFT) | flags; }
    public static long ppn(long pte) { return (pte >>> PPN_SHIFT) & ((1L << 44) - 1); }
    public static boolean valid(long pte) { return (pte & V) != 0; }
    /** A leaf maps a page; a valid entry with R=W=X=0 points at the next table. */
    public static boolean leaf(long pte) { return (pte & (R | W | X)) != 0; }

    public static String flags(long pte) {
        return "" + ((pte & D) != 0 ? 'D' : '-') + ((pte & A) != 0 ? 'A' : '-') + ((pte & G) != 0 ? 'G' : '-')
                + ((pte & U) != 0 ? 'U' : '-') + ((pte & X) != 0 ? 'X' : '-') + ((pte & W) != 0 ? 'W' : '-')
                + ((pte & R) != 0 ? 'R' : '-') + ((pte & V) != 0 ? 'V' : '-');
    }
}
