package dev.vitrine.mm;

/** Per-address-space fault and paging counters, as /proc and --stats show them. */
public final class MemStats {
    public long minorFaults, majorFaults, invalidFaults, cowCopies, swapOuts, swapIns, dirtyWritebacks;
    /** Resident and shared (mapped by another space too) frames when the space was torn down. */
    public long residentAtExit, sharedAtExit;
}
