package dev.vitrine.mm.replace;

import java.util.LinkedHashSet;

/** Exact least-recently-used: every use moves the frame to the young end. */
public final class LruPolicy implements ReplacementPolicy {
    private final LinkedHashSet<Integer> order = new LinkedHashSet<>();

    @Override public void loaded(int frame) { referenced(frame); }

    @Override public void referenced(int frame) {
        order.remove(frame);
        order.add(frame);
    }

    @Override public void removed(int frame) { order.remove(frame); }

    @Override public int victim(AccessedBits bits) {
        if (order.isEmpty()) throw new IllegalStateException("no resident frame to evict");
        return order.iterator().next();
    }

    @Override public int resident() { return order.size(); }
    @Override public PolicyKind kind() { return PolicyKind.LRU; }
}
