package dev.vitrine.cli;

import dev.vitrine.mmu.Geometry;

import java.io.PrintStream;
import java.util.Map;

/** The --stats block: what the hardware and the kernel counted during the run. */
final class StatsReport {
    private StatsReport() {}

    static void print(PrintStream out, Map<String, Object> s, Geometry g) {
        out.println("--- vitrine stats (" + g.name() + ", " + g.levels() + "-level page table) ---");
        out.println("  machine-wide: counts are sums over every process; a peak is the most at any one moment");
        row(out, "instructions retired", s.get("instructions"));
        row(out, "virtual time", String.format("%.6f s", ((Number) s.getOrDefault("virtual_time_ns", 0)).doubleValue() / 1e9));
        if ("on".equals(s.get("cost.model"))) {
            row(out, "  where the time went", String.format("instructions %s, walks %s, TLB misses %s", ms(s, "time.instructions_ns"),
                    ms(s, "time.walks_ns"), ms(s, "time.tlb_misses_ns")));
            row(out, "", String.format("minor faults %s, major faults %s, swap-out/write-back %s", ms(s, "time.minor_faults_ns"),
                    ms(s, "time.major_faults_ns"), ms(s, "time.swap_out_ns")));
            row(out, "", String.format("syscalls %s, switches %s", ms(s, "time.syscalls_ns"), ms(s, "time.switches_ns")));
            row(out, "effective access time", String.format("+%.3f ns per access for translation, +%.3f ns with faults and swap",
                    ((Number) s.getOrDefault("emat_translation_ns", 0.0)).doubleValue(), ((Number) s.getOrDefault("emat_ns", 0.0)).doubleValue()));
        } else if ("off".equals(s.get("cost.model"))) row(out, "  cost model", "off (one instruction = one ns)");
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
        row(out, "swap-outs / swap-ins", s.get("swap_outs") + " / " + s.get("swap_ins"));
        row(out, "dirty write-backs", s.get("dirty_writebacks"));
        row(out, "replacement", s.get("policy") + ", " + s.get("evictions") + " evictions, swap peak "
                + s.get("swap.peak_used") + " / " + s.get("swap.slots") + " slots");
        row(out, "page-table frames, peak", s.get("page_table_frames.peak") + " (" + n(s, "page_table_bytes.peak") / 1024
                + " KiB), all page tables together");
        row(out, "mapped pages, peak", s.get("mapped_pages.peak") + ", the resident sets added up");
        row(out, "shared frames, peak", s.get("frames.shared_peak"));
        row(out, "physical frames peak/total", s.get("frames.peak") + " / " + s.get("frames.total"));
        if (s.containsKey("sched.policy")) {
            row(out, "scheduler", s.get("sched.policy") + ", quantum " + s.get("sched.quantum") + " instructions");
            row(out, "context switches", s.get("sched.context_switches"));
            row(out, "processes", s.get("sched.processes") + ", throughput "
                    + String.format("%.1f", ((Number) s.get("sched.throughput_per_s")).doubleValue()) + " exits per virtual s");
            row(out, "mean turnaround/wait/resp.", us(s, "sched.mean_turnaround_ns") + " / " + us(s, "sched.mean_waiting_ns")
                    + " / " + us(s, "sched.mean_response_ns") + " us");
            row(out, "idle time", us(s, "sched.idle_ns") + " us");
        }
        if (s.get("processes") instanceof java.util.List<?> rows && !rows.isEmpty()) {
            out.println("  per process, time (virtual us):");
            out.printf("  %6s %6s %-15s %-9s %11s %11s %11s %11s %5s %5s %8s%n", "pid", "ppid", "command", "status",
                    "cpu", "turnaround", "waiting", "response", "vol", "invol", "syscalls");
            table(out, rows, r -> String.format("  %6s %6s %-15s %-9s %11s %11s %11s %11s %5s %5s %8s", r.get("pid"), r.get("ppid"),
                    r.get("comm"), r.get("status"), us(r.get("cpu_ns")), us(r.get("turnaround_ns")), us(r.get("waiting_ns")),
                    us(r.get("response_ns")), r.get("switches_voluntary"), r.get("switches_involuntary"), r.get("syscalls")));
            out.println("  per process, memory (pages; ^ = peak; at exit for a process that ended):");
            out.printf("  %6s %-15s %6s %6s %5s %5s %8s %7s %6s %6s %6s %6s %5s %5s %4s %4s%n", "pid", "command", "minflt", "majflt",
                    "inval", "cow", "TLB hit", "walks", "rss", "rss^", "shared", "shar^", "swap", "swap^", "PT", "PT^");
            table(out, rows, r -> String.format("  %6s %-15s %6s %6s %5s %5s %8s %7s %6s %6s %6s %6s %5s %5s %4s %4s", r.get("pid"),
                    r.get("comm"), r.get("faults_minor"), r.get("faults_major"), r.get("faults_invalid"), r.get("cow_copies"),
                    hitRate(r), r.get("walks"), r.get("resident_pages"), r.get("resident_pages_peak"), r.get("shared_pages"),
                    r.get("shared_pages_peak"), r.get("swapped_pages"), r.get("swapped_pages_peak"), r.get("page_table_frames"), r.get("page_table_frames_peak")));
        }
        Object missing = s.get("enosys");
        if (missing instanceof Map<?, ?> m && !m.isEmpty()) row(out, "missing syscalls (ENOSYS)", m.toString());
    }

    /** The first 40 rows, then how many more the JSON has. */
    private static void table(PrintStream out, java.util.List<?> rows, java.util.function.Function<Map<?, ?>, String> line) {
        int shown = 0;
        for (Object o : rows) {
            if (++shown > 40) {
                out.printf("  ... %d more processes (all of them in --stats-json)%n", rows.size() - 40);
                break;
            }
            out.println(line.apply((Map<?, ?>) o));
        }
    }

    /** A process's own TLB hit rate, over its fetch and data lookups. */
    private static String hitRate(Map<?, ?> r) {
        long h = num(r.get("tlb_fetch_hits")) + num(r.get("tlb_data_hits"));
        long t = h + num(r.get("tlb_fetch_misses")) + num(r.get("tlb_data_misses"));
        return t == 0 ? "-" : String.format("%.2f%%", 100.0 * h / t);
    }

    private static long num(Object o) { return o instanceof Number x ? x.longValue() : 0; }

    private static String us(Map<String, Object> s, String k) { return us(s.get(k)); }

    /** Virtual ns as milliseconds with three decimals. */
    private static String ms(Map<String, Object> s, String k) {
        return String.format("%.3f ms", n(s, k) / 1e6);
    }

    /** Virtual ns as microseconds with one decimal. */
    private static String us(Object ns) {
        long v = ns instanceof Number x ? x.longValue() : 0;
        return v < 0 ? "-" : String.format("%.1f", v / 1000.0);
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
