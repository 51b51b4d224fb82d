package dev.vitrine.trace;

/**
 * The kinds of work virtual time charges beside one nanosecond per instruction, each with its
 * --cost name, the name of the time it adds up to in --stats, and its default in ns (a desktop
 * x86-64 machine with an NVMe SSD, rounded; docs/cost-model.md names the sources).
 */
public enum Cost {
    /** Each memory reference of a page walk (a PTE read). */
    WALK_REF("walk_ref", "walks", 20),
    /** The fixed part of a TLB miss, beside its walk. */
    TLB_MISS("tlb_miss", "tlb_misses", 5),
    MINOR_FAULT("minor_fault", "minor_faults", 1_000),
    /** The disk read of a major fault. */
    MAJOR_FAULT("major_fault", "major_faults", 100_000),
    /** A page written to swap or back to its file. */
    SWAP_OUT("swap_out", "swap_out", 100_000),
    SWITCH("switch", "switches", 2_000),
    /** A syscall's entry and exit. */
    SYSCALL("syscall", "syscalls", 100);

    /** The name --cost takes. */
    public final String option;
    /** The name of the time charged for it, in --stats and --stats-json. */
    public final String charged;
    public final long defaultNs;

    Cost(String option, String charged, long defaultNs) {
        this.option = option;
        this.charged = charged;
        this.defaultNs = defaultNs;
    }
}
