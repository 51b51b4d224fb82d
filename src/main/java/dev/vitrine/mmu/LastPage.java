package dev.vitrine.mmu;

/**
 * A remembered translation of one side (fetch or data): a page, the TLB slot that held
 * it, and which accesses that slot would let through without a walk. The MMU keeps the
 * current page of each side in its own fields (so that its inlined fast path reads no
 * extra object) and the page before it here, as a second chance on the out-of-line path.
 *
 * <p>Invariant (what makes a hit on it exact): while remembered, a full TLB search for
 * {@code vpn} in the current address space would find {@code slot}, and that slot grants
 * {@code allow}. The MMU forgets the page whenever the slot's content can change (fill,
 * update, drop of that slot), on every sfence and on every setRoot. A fill of another
 * slot cannot make the search find another slot first: fills follow a miss, and a miss
 * on a page that a smaller or same-size entry would share with {@code vpn} would have hit
 * {@code slot} instead (the only exception, a remap to another size in the dirty walk,
 * forgets everything).
 */
final class LastPage {
    /** va >>> pageBits (unmasked: equal only for the same canonical page); -1 for none. */
    long vpn = -1;
    /** pa - va for any va in the page. */
    long delta;
    int slot;
    /** Bit 1 << access for each access the slot grants outright (stores only once D is set). */
    int allow;

    void forget() {
        vpn = -1;
        allow = 0;
    }

    void set(long vpn, long delta, int slot, int allow) {
        this.vpn = vpn;
        this.delta = delta;
        this.slot = slot;
        this.allow = allow;
    }
}
