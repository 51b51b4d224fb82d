package dev.vitrine.proc;

import dev.vitrine.mm.MemStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's measures for --stats: per process (CPU time, turnaround, waiting and
 * response time, voluntary and involuntary context switches, copy-on-write copies) and for
 * the run (means, throughput, idle time). Times are virtual ns: 1 instruction = 1 ns plus
 * what the cost model charged (CostMeter), which counts as CPU time of the process that ran.
 * A reaped process leaves the kernel; its figures stay here as a {@link Row}.
 */
public final class RunStats {
    private RunStats() {}

    /** The most reaped processes listed one by one; past it they count only in the run's totals. */
    static final int MAX_ROWS = 10_000;

    /**
     * One process's figures; {@code ended} is -1 while it runs. {@code mem} is its address
     * space's counters, read when the stats are made: a vfork child's are its parent's, which
     * go on counting after the child is gone.
     */
    record Row(int pid, int ppid, String comm, String status, long created, long firstRun, long ended, long cpu,
               long waiting, long voluntary, long involuntary, long syscalls, MemStats mem, Memory memory) {
        static Row of(Process p) {
            String status = p.alive() ? "running" : p.termSignal != 0 ? Signals.name(p.termSignal) : "exit " + ((p.waitStatus >> 8) & 0xff);
            return new Row(p.pid, p.ppid(), p.comm, status, p.created, p.firstRun, p.ended, p.cpu, p.waiting, p.voluntary,
                    p.involuntary, p.syscalls, p.memStats(), Memory.of(p));
        }
        long minor() { return mem == null ? 0 : mem.minorFaults; }
        long major() { return mem == null ? 0 : mem.majorFaults; }
        long invalid() { return mem == null ? 0 : mem.invalidFaults; }
        long cow() { return mem == null ? 0 : mem.cowCopies; }
    }

    /**
     * A process's memory-side figures: the TLB lookups and walks of its instructions, its
     * resident, shared and swapped pages and page-table frames now (at exit for one that
     * ended) and at their peak. A vfork child borrowing its parent's space shows that space.
     */
    record Memory(long fetchHits, long fetchMisses, long dataHits, long dataMisses, long walks, long resident,
                  long residentPeak, long shared, long sharedPeak, long swapped, long swappedPeak, long tableFrames, long tableFramesPeak) {
        static Memory of(Process p) {
            Measures m = p.measures;
            return new Memory(m.fetchHits, m.fetchMisses, m.dataHits, m.dataMisses, m.walks, p.residentPages(),
                    p.peakResident(), p.sharedPages(), p.peakShared(), p.swappedPages(), p.peakSwapped(), p.tableFrames(), p.peakTableFrames());
        }
    }

    /** Sums of process figures. */
    static final class Totals {
        long processes, syscalls, minor, major, invalid, cow, finished, turnaround, waiting, response, responded;

        void add(Row r) {
            processes++;
            syscalls += r.syscalls;
            minor += r.minor();
            major += r.major();
            invalid += r.invalid();
            cow += r.cow();
            if (r.ended >= 0) { finished++; turnaround += r.ended - r.created; }
            waiting += r.waiting;
            if (r.firstRun >= 0) { responded++; response += r.firstRun - r.created; }
        }

        void add(Totals o) {
            processes += o.processes; syscalls += o.syscalls; minor += o.minor; major += o.major; invalid += o.invalid;
            cow += o.cow; finished += o.finished; turnaround += o.turnaround; waiting += o.waiting;
            response += o.response; responded += o.responded;
        }
    }

    /** What stays of reaped processes: the rows of the first {@link #MAX_ROWS}, the sums of the rest (taken when reaped). */
    static final class Reaped {
        final List<Row> rows = new ArrayList<>();
        final Totals unlisted = new Totals();

        void add(Process p) {
            Row r = Row.of(p);
            if (rows.size() < MAX_ROWS) rows.add(r); else unlisted.add(r);
        }
    }

    public static void put(Kernel k, Map<String, Object> s) {
        long now = k.clock().now();
        List<Row> rows = new ArrayList<>(k.reaped().rows);
        for (Process p : k.processes()) rows.add(Row.of(p));
        rows.sort((a, b) -> Integer.compare(a.pid(), b.pid()));   // not Comparator.comparingInt: its lambda is spun at run time
        Totals total = new Totals();
        for (Row r : rows) total.add(r);
        total.add(k.reaped().unlisted);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row p : rows) {
            long end = p.ended >= 0 ? p.ended : now;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pid", p.pid);
            r.put("ppid", p.ppid);
            r.put("comm", p.comm);
            r.put("status", p.status);
            r.put("cpu_ns", p.cpu);
            r.put("turnaround_ns", end - p.created);
            r.put("waiting_ns", p.waiting);
            r.put("response_ns", p.firstRun < 0 ? -1 : p.firstRun - p.created);
            r.put("switches_voluntary", p.voluntary);
            r.put("switches_involuntary", p.involuntary);
            r.put("syscalls", p.syscalls);
            r.put("cow_copies", p.cow());
            r.put("faults_minor", p.minor());
            r.put("faults_major", p.major());
            r.put("faults_invalid", p.invalid());
            Memory m = p.memory;
            r.put("tlb_fetch_hits", m.fetchHits());
            r.put("tlb_fetch_misses", m.fetchMisses());
            r.put("tlb_data_hits", m.dataHits());
            r.put("tlb_data_misses", m.dataMisses());
            r.put("walks", m.walks());
            r.put("resident_pages", m.resident());
            r.put("resident_pages_peak", m.residentPeak());
            r.put("shared_pages", m.shared());
            r.put("shared_pages_peak", m.sharedPeak());
            r.put("swapped_pages", m.swapped());
            r.put("swapped_pages_peak", m.swappedPeak());
            r.put("page_table_frames", m.tableFrames());
            r.put("page_table_frames_peak", m.tableFramesPeak());
            out.add(r);
        }
        long n = total.processes;
        s.put("syscalls", total.syscalls);
        s.put("faults.minor", total.minor);
        s.put("faults.major", total.major);
        s.put("faults.invalid", total.invalid);
        s.put("cow_copies", total.cow);
        s.put("sched.policy", k.policy().name());
        s.put("sched.quantum", k.quantum());
        s.put("sched.context_switches", k.contextSwitches());
        s.put("sched.processes", (int) n);
        s.put("sched.idle_ns", Math.max(0, now - k.retired() - k.charged()));
        s.put("sched.mean_turnaround_ns", total.finished == 0 ? 0 : total.turnaround / total.finished);
        s.put("sched.mean_waiting_ns", n == 0 ? 0 : total.waiting / n);
        s.put("sched.mean_response_ns", total.responded == 0 ? 0 : total.response / total.responded);
        s.put("sched.throughput_per_s", now == 0 ? 0.0 : total.finished * 1e9 / now);
        s.put("processes", out);
    }
}
