package dev.vitrine.proc;

import dev.vitrine.mm.MemStats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's measures for --stats: per process (CPU time, turnaround, waiting and
 * response time, voluntary and involuntary context switches, copy-on-write copies) and for
 * the run (means, throughput, idle time). Times are virtual ns: 1 instruction = 1 ns.
 */
public final class RunStats {
    private RunStats() {}

    public static void put(Kernel k, Map<String, Object> s) {
        long now = k.clock().now();
        List<Map<String, Object>> rows = new ArrayList<>();
        long syscalls = 0, minor = 0, major = 0, invalid = 0, cow = 0, finished = 0, turnaround = 0, waiting = 0, response = 0;
        int responded = 0;
        for (Process p : k.processes()) {
            MemStats m = p.memStats();
            long end = p.ended >= 0 ? p.ended : now;
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("pid", p.pid);
            r.put("ppid", p.ppid());
            r.put("comm", p.comm);
            r.put("status", p.alive() ? "running" : p.termSignal != 0 ? Signals.name(p.termSignal) : "exit " + ((p.waitStatus >> 8) & 0xff));
            r.put("cpu_ns", p.cpu);
            r.put("turnaround_ns", end - p.created);
            r.put("waiting_ns", p.waiting);
            r.put("response_ns", p.firstRun < 0 ? -1 : p.firstRun - p.created);
            r.put("switches_voluntary", p.voluntary);
            r.put("switches_involuntary", p.involuntary);
            r.put("syscalls", p.syscalls);
            r.put("cow_copies", m == null ? 0 : m.cowCopies);
            rows.add(r);
            syscalls += p.syscalls;
            if (m != null) { minor += m.minorFaults; major += m.majorFaults; invalid += m.invalidFaults; cow += m.cowCopies; }
            if (p.ended >= 0) { finished++; turnaround += p.ended - p.created; }
            waiting += p.waiting;
            if (p.firstRun >= 0) { responded++; response += p.firstRun - p.created; }
        }
        int n = rows.size();
        s.put("syscalls", syscalls);
        s.put("faults.minor", minor);
        s.put("faults.major", major);
        s.put("faults.invalid", invalid);
        s.put("cow_copies", cow);
        s.put("sched.policy", k.policy().name());
        s.put("sched.quantum", k.quantum());
        s.put("sched.context_switches", k.contextSwitches());
        s.put("sched.processes", n);
        s.put("sched.idle_ns", Math.max(0, now - k.retired()));
        s.put("sched.mean_turnaround_ns", finished == 0 ? 0 : turnaround / finished);
        s.put("sched.mean_waiting_ns", n == 0 ? 0 : waiting / n);
        s.put("sched.mean_response_ns", responded == 0 ? 0 : response / responded);
        s.put("sched.throughput_per_s", now == 0 ? 0.0 : finished * 1e9 / now);
        s.put("processes", rows);
    }
}
