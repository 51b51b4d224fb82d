package dev.vitrine.mm.replace;

/**
 * The hardware's "recently used" bit of each resident frame, as clock sees it. The kernel
 * backs it with the A bit of the PTE that maps the frame; the lab's simulator with an
 * array it sets on every reference.
 */
@FunctionalInterface
public interface AccessedBits {
    /** Whether {@code frame} was referenced since the last call for it; clears the bit. */
    boolean testAndClear(int frame);

    /** For policies that never look at the bits. */
    AccessedBits NONE = frame -> false;
}
