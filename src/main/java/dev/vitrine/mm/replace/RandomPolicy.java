package dev.vitrine.mm.replace;

import java.util.SplittableRandom;
import java.util.TreeSet;

/** Evict a uniformly random resident frame; seeded, so a run can be repeated exactly. */
public final class RandomPolicy implements ReplacementPolicy {
    private final TreeSet<Integer> frames = new TreeSet<>();
    private final SplittableRandom random;

    public RandomPolicy(long seed) { this.random = new SplittableRandom(seed); }

    @Override public void loaded(int frame) { frames.add(frame); }
    @Override public void referenced(int frame) {}
    @Override public void removed(int frame) { frames.remove(frame); }

    @Override public int victim(AccessedBits bits) {
        if (frames.isEmpty()) throw new IllegalStateException("no resident frame to evict");
        int skip = random.nextInt(frames.size());
        for (int f : frames) if (skip-- == 0) return f;
        throw new AssertionError();
    }

    @Override public int resident() { return frames.size(); }
    @Override public PolicyKind kind() { return PolicyKind.RANDOM; }
}
