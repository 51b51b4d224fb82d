package dev.vitrine.lab;

import dev.vitrine.mmu.Pte;
import dev.vitrine.mmu.Tlb;
import dev.vitrine.mmu.TlbConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a trace through the machine's own {@link Tlb} (the class the kernel's MMU uses),
 * base pages only, one address space. A fetch goes to the instruction TLB when split;
 * Lackey's M (modify) is a load then a store, two lookups of the same page.
 */
public final class TlbSim {
    private TlbSim() {}

    public record Lookup(char kind, long vpn, boolean hit, int set, long evicted, long[] contents) {}

    public record Result(TlbConfig config, long lookups, long hits, long fetchHits, long fetchMisses, long evictions,
                         List<Lookup> steps) {
        public long misses() { return lookups - hits; }
        public double hitRate() { return lookups == 0 ? 0 : (double) hits / lookups; }
    }

    /**
     * The lookups the trace makes: kind (X fetch, R load, W store) and page number; x, r, w
     * a lookup that missed and faulted (fills nothing); F drops the page's entry, '*' every entry.
     */
    public record Access(char kind, long vpn) {}

    public static List<Access> accesses(List<TraceRef> refs, int pageBits) {
        List<Access> out = new ArrayList<>();
        for (TraceRef r : refs) {
            if (r instanceof TraceRef.Page p) out.add(new Access('R', p.vpn()));
            else if (r instanceof TraceRef.Refused f) out.add(new Access(Character.toLowerCase(f.kind()), f.va() >>> pageBits));
            else if (r instanceof TraceRef.Flush f) out.add(new Access(f.all() ? '*' : 'F', f.va() >>> pageBits));
            else if (r instanceof TraceRef.Access a) {
                long first = a.va() >>> pageBits, last = (a.va() + a.size() - 1) >>> pageBits;
                for (long pg = first; pg <= last; pg++) {
                    if (a.kind() == 'M') {
                        out.add(new Access('R', pg));
                        out.add(new Access('W', pg));
                    } else out.add(new Access(a.kind(), pg));
                }
            }
        }
        return out;
    }

    public static Result run(List<Access> trace, TlbConfig cfg, int keepSteps) {
        int[] baseOnly = {0};
        // Split halves draw from different generators, as the Mmu's do: the fetch side from the seed, the data side from a derived one.
        Tlb fetch = new Tlb(cfg.entries(), cfg.ways(), cfg.policy(), baseOnly, cfg.seed());
        Tlb data = cfg.split() ? new Tlb(cfg.entries(), cfg.ways(), cfg.policy(), baseOnly, cfg.seed() ^ 0x9E3779B97F4A7C15L) : fetch;
        long lookups = 0, hits = 0, fetchHits = 0, fetchMisses = 0, evictions = 0;
        List<Lookup> steps = new ArrayList<>();
        int perms = (int) (Pte.V | Pte.R | Pte.W | Pte.X | Pte.U | Pte.A | Pte.D);
        for (int i = 0; i < trace.size(); i++) {
            Access a = trace.get(i);
            if (a.kind() == 'F' || a.kind() == '*') {
                for (Tlb t : cfg.split() ? List.of(data, fetch) : List.of(data)) {
                    if (a.kind() == '*') t.flush(); else t.dropPage(a.vpn(), 0);
                }
                continue;
            }
            lookups++;
            boolean refused = Character.isLowerCase(a.kind());
            boolean isFetch = a.kind() == 'X' || a.kind() == 'x';
            Tlb tlb = isFetch && cfg.split() ? fetch : data;
            int slot = tlb.find(a.vpn(), 0);
            long evicted = -1;
            boolean hit = slot >= 0;
            if (hit) {
                tlb.touch(slot);
                hits++;
            } else if (tlb.size() > 0 && !refused) {
                slot = tlb.victim(a.vpn(), 0);
                if (tlb.valid(slot)) {
                    evicted = tlb.vpn(slot);
                    evictions++;
                }
                tlb.fill(slot, a.vpn(), 0, 0, a.vpn(), perms);
            }
            if (isFetch) {
                if (hit) fetchHits++; else fetchMisses++;
            }
            if (i < keepSteps) {
                int set = tlb.sets() == 0 ? 0 : (int) (a.vpn() & (tlb.sets() - 1));
                steps.add(new Lookup(a.kind(), a.vpn(), hit, set, evicted, contents(tlb)));
            }
        }
        return new Result(cfg, lookups, hits, fetchHits, fetchMisses, evictions, steps);
    }

    /** The page in each slot (-1 empty), slot order: set 0's ways first. */
    private static long[] contents(Tlb tlb) {
        long[] c = new long[tlb.size()];
        for (int s = 0; s < c.length; s++) c[s] = tlb.valid(s) ? tlb.vpn(s) : -1;
        return c;
    }

    /** Entry counts to sweep: every count when fully associative, else ways x powers of two. */
    public static List<Integer> sizes(int lo, int hi, Integer ways) {
        List<Integer> out = new ArrayList<>();
        if (ways == null) for (int n = lo; n <= hi; n++) out.add(n);
        else for (long n = ways; n <= hi; n *= 2) if (n >= lo) out.add((int) n);
        if (out.isEmpty()) throw new IllegalArgumentException("no TLB size in " + lo + "-" + hi + " fits " + ways + " ways");
        return out;
    }
}
