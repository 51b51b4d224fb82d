package dev.vitrine.mmu;

/** Why the hardware refused a translation; the kernel decides what kind of page fault it is. */
public enum FaultCause {
    /** The address is outside what the geometry can translate (non-canonical, too wide). */
    OUT_OF_RANGE,
    /** Some level's entry has V=0. */
    NOT_PRESENT,
    /** The leaf exists but forbids this access (R/W/X/U), or the entry is malformed. */
    PROTECTION
}
