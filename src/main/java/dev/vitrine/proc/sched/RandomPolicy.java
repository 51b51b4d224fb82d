package dev.vitrine.proc.sched;

import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded random interleaving: at every slice end and every syscall any ready task may be
 * chosen, and slices have random lengths up to the quantum. One seed is one schedule, so a
 * race seen once can be replayed.
 */
public final class RandomPolicy implements Policy {
    private final SplittableRandom random;

    public RandomPolicy(long seed) { random = new SplittableRandom(seed ^ 0x5c4ed_0e1eL); }

    public int pick(List<? extends Schedulable> ready) { return random.nextInt(ready.size()); }
    public long slice(long quantum) { return quantum <= 1 ? 1 : 1 + random.nextLong(quantum); }
    @Override public boolean switchesAtSyscalls() { return true; }
    public String name() { return "random"; }
}
