package dev.vitrine.mm.replace;

import java.util.TreeSet;

/**
 * Second chance: a hand sweeps the resident frames in frame-number order; a frame whose
 * accessed bit is set gets the bit cleared and is passed over, the first one found clear
 * is the victim, and the hand stops just past it.
 */
public final class ClockPolicy implements ReplacementPolicy {
    private final TreeSet<Integer> ring = new TreeSet<>();
    private int hand;

    @Override public void loaded(int frame) { ring.add(frame); }

    /** The accessed bit is the record of use; the hand reads it, not this call. */
    @Override public void referenced(int frame) {}

    @Override public void removed(int frame) { ring.remove(frame); }

    @Override public int victim(AccessedBits bits) {
        if (ring.isEmpty()) throw new IllegalStateException("no resident frame to evict");
        // After one full turn every bit has been cleared, so two turns always end.
        for (int looked = 0; looked <= 2 * ring.size(); looked++) {
            Integer f = ring.ceiling(hand);
            if (f == null) f = ring.first();
            hand = f + 1;
            if (!bits.testAndClear(f)) return f;
        }
        throw new IllegalStateException("accessed bits never clear: testAndClear must clear them");
    }

    /** The frame the hand will look at next (for showing the sweep). */
    public int hand() {
        Integer f = ring.ceiling(hand);
        return f != null ? f : ring.isEmpty() ? -1 : ring.first();
    }

    @Override public int resident() { return ring.size(); }
    @Override public PolicyKind kind() { return PolicyKind.CLOCK; }
}
