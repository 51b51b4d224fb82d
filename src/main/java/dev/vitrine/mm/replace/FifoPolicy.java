package dev.vitrine.mm.replace;

import java.util.LinkedHashSet;

/** First in, first out: evict the frame loaded longest ago, however busy it is. */
public final class FifoPolicy implements ReplacementPolicy {
    private final LinkedHashSet<Integer> order = new LinkedHashSet<>();

    @Override public void loaded(int frame) {
        order.remove(frame);
        order.add(frame);
    }

    @Override public void referenced(int frame) {}

    @Override public void removed(int frame) { order.remove(frame); }

    @Override public int victim(AccessedBits bits) {
        if (order.isEmpty()) throw new IllegalStateException("no resident frame to evict");
        return order.iterator().next();
    }

    @Override public int resident() { return order.size(); }
    @Override public PolicyKind kind() { return PolicyKind.FIFO; }
}
