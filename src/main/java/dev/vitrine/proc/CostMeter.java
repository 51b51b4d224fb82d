package dev.vitrine.proc;

import dev.vitrine.mm.Pager;
import dev.vitrine.mmu.MmuStats;
import dev.vitrine.trace.Cost;
import dev.vitrine.trace.Costs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cost model's bookkeeping: after each slice and each trap the kernel asks what the
 * hardware's and its own counters did since the last time, and charges the figures of
 * {@link Costs} to the virtual clock and to the process that ran. Counting from the
 * counters, not at each site, keeps every site untouched and the charge exact: the same
 * counts give the same time. Charged time is CPU time of the process that caused it (a
 * disk read is waited for, not overlapped with another process's work).
 */
final class CostMeter {
    private static final Cost[] KINDS = Cost.values();
    private final Costs costs;
    private final MmuStats mmu;
    private final Pager pager;
    /** Each kind's count at the last charge, and the ns charged for it so far. */
    private final long[] seen = new long[KINDS.length], chargedNs = new long[KINDS.length];
    /** Each kind's ns and whether all are zero, read once from the (immutable) figures: charge runs at every trap. */
    private final long[] nsOf = new long[KINDS.length];
    private final boolean off;

    CostMeter(Costs costs, MmuStats mmu, Pager pager) {
        this.costs = costs;
        this.mmu = mmu;
        this.pager = pager;
        for (Cost c : KINDS) nsOf[c.ordinal()] = costs.of(c);
        this.off = costs.off();
    }

    boolean off() { return off; }

    /** How many of {@code c} the machine has done so far; {@code syscalls} and {@code switches} are the kernel's totals. */
    private long count(Cost c, long syscalls, long switches) {
        return switch (c) {
            case WALK_REF -> mmu.pteReads;
            case TLB_MISS -> mmu.misses();
            case MINOR_FAULT -> pager.faults() - pager.majorFaults();
            case MAJOR_FAULT -> pager.majorFaults();
            case SWAP_OUT -> pager.swapOuts() + pager.writebacks();
            case SWITCH -> switches;
            case SYSCALL -> syscalls;
        };
    }

    /** The ns the counters' growth since the last call costs; {@code syscallsNow} and {@code switchesNow} are the kernel's totals. */
    long charge(long syscallsNow, long switchesNow) {
        long ns = 0;
        for (Cost c : KINDS) {
            long now = count(c, syscallsNow, switchesNow), d = (now - seen[c.ordinal()]) * nsOf[c.ordinal()];
            seen[c.ordinal()] = now;
            chargedNs[c.ordinal()] += d;
            ns += d;
        }
        return ns;
    }

    long total() {
        long t = 0;
        for (long v : chargedNs) t += v;
        return t;
    }

    /** Where the charged time went, for --stats: ns by cause. */
    Map<String, Long> breakdown() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Cost c : KINDS) m.put(c.charged, chargedNs[c.ordinal()]);
        return m;
    }

    Costs costs() { return costs; }
}
