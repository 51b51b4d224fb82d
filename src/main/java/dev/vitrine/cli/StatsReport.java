package dev.vitrine.cli;

import dev.vitrine.mmu.Geometry;

import java.io.PrintStream;
import java.util.Map;

/** The --stats block: what the hardware and the kernel counted during the run. */
final class StatsReport {
    private StatsReport() {}

    static void print(PrintStream out, Map<String, Object> s, Geometry g) {
        out.println("--- vitrine stats (" + g.name() + ", " + g.levels() + "-level page table) ---");
        row(out, "instructions retired", s.get("instructions"));
        row(out, "virtual time", String.format("%.6f s", ((Number) s.getOrDefault("virtual_time_ns", 0)).doubleValue() / 1e9));
        row(out, "syscalls", s.get("syscalls"));
        long fh = n(s, "tlb.fetch.hits"), fm = n(s, "tlb.fetch.misses"), dh = n(s, "tlb.data.hits"), dm = n(s, "tlb.data.misses");
        row(out, "TLB fetch hits/misses", fh + " / " + fm + pct(fh, fm));
        row(out, "TLB data hits/misses", dh + " / " + dm + pct(dh, dm));
        row(out, "TLB hit rate", String.format("%.4f%%", 100 * ((Number) s.getOrDefault("tlb.hit_rate", 0.0)).doubleValue()));
        row(out, "page walks", s.get("walks"));
        row(out, "PTE reads / writes", s.get("pte_reads") + " / " + s.get("pte_writes"));
        row(out, "page faults minor", s.get("faults.minor"));
        row(out, "page faults major", s.get("faults.major"));
        row(out, "page faults invalid", s.get("faults.invalid"));
        row(out, "copy-on-write copies", s.get("cow_copies"));
        row(out, "page-table frames", s.get("page_table_frames") + " (" + n(s, "page_table_bytes") / 1024 + " KiB)");
        row(out, "resident pages at exit", s.get("resident_pages_at_exit"));
        row(out, "physical frames peak/total", s.get("frames.peak") + " / " + s.get("frames.total"));
        Object missing = s.get("enosys");
        if (missing instanceof Map<?, ?> m && !m.isEmpty()) row(out, "missing syscalls (ENOSYS)", m.toString());
    }

    private static long n(Map<String, Object> s, String k) { return ((Number) s.getOrDefault(k, 0L)).longValue(); }

    private static String pct(long hits, long misses) {
        long t = hits + misses;
        return t == 0 ? "" : String.format("  (%.2f%% hits)", 100.0 * hits / t);
    }

    private static void row(PrintStream out, String label, Object value) {
        out.printf("  %-28s %s%n", label, value);
    }
}
