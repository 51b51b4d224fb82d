package dev.vitrine.cpu;

import dev.vitrine.mmu.Geometry;
import dev.vitrine.mmu.TlbConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hart's use of the MMU's fast paths (inlined per-side pages, the previous page, fetch
 * hits counted in bulk on split TLBs) changes no counter and no TLB state: the workload run
 * on an MMU with them and on {@link dev.vitrine.mmu.Mmu#reference} (every access searches
 * the TLB) ends with the same output, registers, counters and replacement state, also with
 * small budgets (the bulk count is reported on every exit from run) and small TLBs (misses
 * and evictions between the bulk-counted fetches).
 */
class FastPathCountingTest {
    static final TlbConfig[] CONFIGS = {
        TlbConfig.DEFAULT,
        new TlbConfig(64, 64, TlbConfig.Policy.LRU, false, false, 0),
        new TlbConfig(8, 2, TlbConfig.Policy.LRU, true, false, 0),
        new TlbConfig(8, 2, TlbConfig.Policy.LRU, false, true, 0),
        new TlbConfig(4, 4, TlbConfig.Policy.FIFO, true, false, 0),
        new TlbConfig(16, 4, TlbConfig.Policy.RANDOM, true, true, 42),
        new TlbConfig(2, 1, TlbConfig.Policy.LRU, true, false, 0),
        new TlbConfig(0, 1, TlbConfig.Policy.LRU, true, false, 0),
    };

    @Test void countersAndTlbStateMatchTheReference() throws Exception {
        for (TlbConfig cfg : CONFIGS)
            for (long budget : new long[] {1_000_000, 13})
                for (Geometry g : new Geometry[] {Geometry.SV39, Geometry.X86_32}) {
                    ElfRig fast = new ElfRig(new Rig(g, cfg, false), "workload.elf", List.of("workload"));
                    ElfRig ref = new ElfRig(new Rig(g, cfg, true), "workload.elf", List.of("workload"));
                    String what = cfg + " budget " + budget + " " + g;
                    assertEquals(0, fast.run(budget), what);
                    assertEquals(0, ref.run(budget), what);
                    assertEquals(ref.out(), fast.out(), what);
                    assertEquals(ref.rig.hart.instret, fast.rig.hart.instret, what);
                    assertEquals(ref.rig.mmu.stats().toString(), fast.rig.mmu.stats().toString(), what);
                    assertEquals(tlbState(ref.rig), tlbState(fast.rig), what);
                }
    }

    /** What a later miss would see: which slots are valid, what they map, and the victim each set would give. */
    static String tlbState(Rig r) {
        StringBuilder sb = new StringBuilder();
        for (var tlb : new dev.vitrine.mmu.Tlb[] {r.mmu.fetchTlb(), r.mmu.dataTlb()}) {
            for (int i = 0; i < tlb.size(); i++)
                sb.append(tlb.valid(i) ? Long.toHexString(tlb.vpn(i)) : "-").append(' ');
            for (int set = 0; set < tlb.sets(); set++) sb.append(tlb.victim(set, 0)).append(',');
            sb.append('|');
        }
        return sb.toString();
    }
}
