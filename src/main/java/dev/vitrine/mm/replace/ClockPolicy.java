package dev.vitrine.mm.replace;

import java.util.BitSet;

/**
 * Second chance: a hand sweeps the resident frames in frame-number order; a frame whose
 * accessed bit is set gets the bit cleared and is passed over, the first one found clear
 * is the victim, and the hand stops just past it.
 */
public final class ClockPolicy implements ReplacementPolicy {
    /** The resident frames, one bit each: every fault of a swappable page adds one, so no boxing and no tree. */
    private final BitSet ring = new BitSet();
    private int resident;
    private int hand;

    @Override public void loaded(int frame) {
        if (!ring.get(frame)) resident++;
        ring.set(frame);
    }

    /** The accessed bit is the record of use; the hand reads it, not this call. */
    @Override public void referenced(int frame) {}

    @Override public void removed(int frame) {
        if (ring.get(frame)) resident--;
        ring.clear(frame);
    }

    @Override public int victim(AccessedBits bits) {
        if (resident == 0) throw new IllegalStateException("no resident frame to evict");
        // After one full turn every bit has been cleared, so two turns always end.
        for (int looked = 0; looked <= 2 * resident; looked++) {
            int f = next();
            hand = f + 1;
            if (!bits.testAndClear(f)) return f;
        }
        throw new IllegalStateException("accessed bits never clear: testAndClear must clear them");
    }

    /** The first resident frame at or past the hand, wrapping round; -1 when none. */
    private int next() {
        int f = ring.nextSetBit(hand);
        return f >= 0 ? f : ring.nextSetBit(0);
    }

    /** The frame the hand will look at next (for showing the sweep). */
    public int hand() { return next(); }

    @Override public int resident() { return resident; }
    @Override public PolicyKind kind() { return PolicyKind.CLOCK; }
}
