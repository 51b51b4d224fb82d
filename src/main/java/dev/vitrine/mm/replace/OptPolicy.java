package dev.vitrine.mm.replace;

import java.util.TreeSet;

/**
 * Belady's optimal: evict the frame whose page is used furthest in the future (never
 * used again counts as furthest; ties go to the lowest frame). The yardstick for the others.
 */
public final class OptPolicy implements ReplacementPolicy {
    private final TreeSet<Integer> frames = new TreeSet<>();
    private final NextUse future;

    public OptPolicy(NextUse future) { this.future = future; }

    @Override public void loaded(int frame) { frames.add(frame); }
    @Override public void referenced(int frame) {}
    @Override public void removed(int frame) { frames.remove(frame); }

    @Override public int victim(AccessedBits bits) {
        if (frames.isEmpty()) throw new IllegalStateException("no resident frame to evict");
        int best = -1;
        long furthest = -1;
        for (int f : frames) {
            long next = future.next(f);
            if (next > furthest) {
                furthest = next;
                best = f;
            }
        }
        return best;
    }

    @Override public int resident() { return frames.size(); }
    @Override public PolicyKind kind() { return PolicyKind.OPT; }
}
