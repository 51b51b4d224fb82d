package dev.vitrine.proc;

import dev.vitrine.mm.Pager;
import dev.vitrine.mmu.MmuStats;
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
    private final Costs costs;
    private final MmuStats mmu;
    private final Pager pager;
    private long pteReads, misses, faults, majors, writes, syscalls, switches;
    /** ns charged, by where they went. */
    private long walkNs, tlbNs, minorNs, majorNs, ioNs, syscallNs, switchNs;

    CostMeter(Costs costs, MmuStats mmu, Pager pager) {
        this.costs = costs;
        this.mmu = mmu;
        this.pager = pager;
    }

    boolean off() { return costs.off(); }

    /** The ns the counters' growth since the last call costs; {@code syscallsNow} and {@code switchesNow} are the kernel's totals. */
    long charge(long syscallsNow, long switchesNow) {
        long dReads = mmu.pteReads - pteReads, dMiss = mmu.misses() - misses;
        long dFaults = pager.faults() - faults, dMajor = pager.majorFaults() - majors;
        long w = pager.swapOuts() + pager.writebacks(), dWrites = w - writes;
        long dSys = syscallsNow - syscalls, dSw = switchesNow - switches;
        pteReads = mmu.pteReads;
        misses = mmu.misses();
        faults = pager.faults();
        majors = pager.majorFaults();
        writes = w;
        syscalls = syscallsNow;
        switches = switchesNow;
        long walk = dReads * costs.walkRef(), tlb = dMiss * costs.tlbMiss();
        long minor = (dFaults - dMajor) * costs.minorFault(), major = dMajor * costs.majorFault();
        long io = dWrites * costs.swapOut(), sys = dSys * costs.syscall(), sw = dSw * costs.contextSwitch();
        walkNs += walk;
        tlbNs += tlb;
        minorNs += minor;
        majorNs += major;
        ioNs += io;
        syscallNs += sys;
        switchNs += sw;
        return walk + tlb + minor + major + io + sys + sw;
    }

    long total() { return walkNs + tlbNs + minorNs + majorNs + ioNs + syscallNs + switchNs; }

    /** Where the charged time went, for --stats: ns by cause. */
    Map<String, Long> breakdown() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("walks", walkNs);
        m.put("tlb_misses", tlbNs);
        m.put("minor_faults", minorNs);
        m.put("major_faults", majorNs);
        m.put("swap_out", ioNs);
        m.put("syscalls", syscallNs);
        m.put("switches", switchNs);
        return m;
    }

    Costs costs() { return costs; }
}
