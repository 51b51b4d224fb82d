package dev.vitrine.mmu;

/**
 * The fast path of one side (fetch or data): the page this side translated last, the
 * TLB slot that held it, and which accesses that slot would let through without a walk.
 * A repeat access to the same page may skip the set search because the search would find
 * this same slot again; the MMU forgets the page whenever the slot's content can change.
 */
final class LastPage {
    /** The TLB this side looks up (the same object for both sides of a unified TLB). */
    final Tlb tlb;
    /** va >>> pageBits of the last translation (unmasked: equal only for the same canonical page); -1 for none. */
    long vpn = -1;
    long paBase;
    int slot;
    /** Bit 1 << access for each access the slot grants outright (stores only once D is set). */
    int allow;

    LastPage(Tlb tlb) { this.tlb = tlb; }

    void forget() {
        vpn = -1;
        allow = 0;
    }

    void forgetIf(Tlb t, int s) {
        if (t == tlb && s == slot) forget();
    }
}
