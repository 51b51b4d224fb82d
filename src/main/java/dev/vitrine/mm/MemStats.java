package dev.vitrine.mm;

/** Per-address-space fault and copy counters, as /proc and --stats show them. */
public final class MemStats {
    public long minorFaults, majorFaults, invalidFaults, cowCopies;
}
