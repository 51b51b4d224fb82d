package dev.vitrine.cli;

import dev.vitrine.lab.Csv;
import dev.vitrine.lab.sched.Job;
import dev.vitrine.lab.sched.JobReader;
import dev.vitrine.lab.sched.SchedPolicy;
import dev.vitrine.lab.sched.SchedReport;
import dev.vitrine.lab.sched.SchedSim;
import dev.vitrine.lab.sched.Schedule;
import dev.vitrine.trace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** `vitrine sim sched`: jobs through scheduling policies, Gantt charts and the measures. */
@Command(name = "sched", mixinStandardHelpOptions = true,
        description = {"CPU scheduling of a job list: Gantt chart, turnaround, response, waiting, throughput, utilization.",
                "JOBS file: 'NAME ARRIVAL LENGTH [PRIORITY]' a line; or --jobs 100,10,10 / --jobs A=100@0,B=10@10/2;",
                "or --jlist in OSTEP's forms: mlfq.py 'start,run,ioFreq:...', lottery.py 'run:tickets,...', multi.py 'name:run:wset,...'.",
                "--json and --csv: a row per job per policy."})
final class SimSchedCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "JOBS", description = "job file") Path file;
    @Option(names = "--jobs", paramLabel = "LIST", description = "[NAME=]LENGTH[@ARRIVAL][/PRIORITY],...") String inline;
    @Option(names = "--jlist", paramLabel = "LIST", description = "jobs in OSTEP's form (mlfq.py, lottery.py or multi.py)") String jlist;
    @Option(names = "--policy", defaultValue = "fcfs", paramLabel = "P[,P...]",
            description = "fcfs, sjf, stcf, rr, priority, lottery, stride, mlfq, multi, or all (the one-CPU ones; default: ${DEFAULT-VALUE})") String policies;
    @Option(names = "--quantum", defaultValue = "1", description = "time slice for rr, lottery, stride, mlfq, multi (default: ${DEFAULT-VALUE})") long quantum;
    @Option(names = "--preemptive", description = "priority preempts when a more urgent job arrives") boolean preemptive;
    @Option(names = "--tickets", paramLabel = "T,T,...", description = "lottery/stride tickets per job, in order (default 100 each)") String tickets;
    @Option(names = "--seed", defaultValue = "0", description = "lottery's draws and multi's random choices, as OSTEP's -s (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--queues", defaultValue = "3", description = "mlfq queues, as mlfq.py -n (default: ${DEFAULT-VALUE})") int queues;
    @Option(names = "--quantum-list", paramLabel = "Q,Q,...", description = "mlfq quantum per queue, top first (mlfq.py -Q)") String quantumList;
    @Option(names = "--allotment", defaultValue = "1", description = "mlfq allotment in quanta (mlfq.py -a; default: ${DEFAULT-VALUE})") int allotment;
    @Option(names = "--allotment-list", paramLabel = "A,A,...", description = "mlfq allotment per queue, top first (mlfq.py -A)") String allotmentList;
    @Option(names = "--boost", defaultValue = "0", description = "mlfq: every N units all jobs return to the top queue (mlfq.py -B; 0: never)") long boost;
    @Option(names = "--io-time", defaultValue = "5", description = "mlfq: how long an I/O lasts (mlfq.py -i; default: ${DEFAULT-VALUE})") long ioTime;
    @Option(names = "--stay", description = "mlfq: a job that issues I/O keeps a fresh allotment at its queue (mlfq.py -S)") boolean stay;
    @Option(names = "--iobump", description = "mlfq: a job whose I/O completes goes to the front of its queue (mlfq.py -I)") boolean ioBump;
    @Option(names = "--cpus", defaultValue = "2", description = "multi: CPUs (multi.py -n; default: ${DEFAULT-VALUE})") int cpus;
    @Option(names = "--per-cpu-queues", description = "multi: one queue per CPU (multi.py -p)") boolean perCpu;
    @Option(names = "--affinity", paramLabel = "JOB:CPU.CPU,...", description = "multi: where jobs may run (multi.py -A)") String affinity;
    @Option(names = "--peek", defaultValue = "30", description = "multi: per-CPU queues steal every N units, 0 never (multi.py -P; default: ${DEFAULT-VALUE})") long peek;
    @Option(names = "--warmup", defaultValue = "10", description = "multi: ticks to warm a cache (multi.py -w; default: ${DEFAULT-VALUE})") long warmup;
    @Option(names = "--warm-rate", defaultValue = "2", description = "multi: speed-up with a warm cache (multi.py -r; default: ${DEFAULT-VALUE})") long warmRate;
    @Option(names = "--cache-size", defaultValue = "100", description = "multi: cache size per CPU (multi.py -M; default: ${DEFAULT-VALUE})") long cacheSize;
    @Option(names = "--random-order", description = "multi: idle CPUs take jobs in random order (multi.py -o)") boolean randomOrder;
    @Option(names = "--svg", paramLabel = "FILE", description = "draw every policy's Gantt chart, one under the other") Path svg;
    @Mixin LabFormat format;

    /** MLFQ with more levels than this teaches nothing more. */
    static final int MAX_QUEUES = 64;

    @Override public void run() {
        int sources = (file != null ? 1 : 0) + (inline != null ? 1 : 0) + (jlist != null ? 1 : 0);
        if (sources > 1) throw new IllegalArgumentException("give one of a JOBS file, --jobs or --jlist");
        if (sources == 0) throw new IllegalArgumentException("no jobs: give a JOBS file, --jobs 100,10,10 or --jlist 0,100,0:0,10,0");
        format.chosen();
        if (queues > MAX_QUEUES) throw new IllegalArgumentException("--queues " + queues + ": at most " + MAX_QUEUES);
        List<Job> jobs = file != null ? JobReader.read(file) : inline != null ? JobReader.inline(inline) : JobReader.jlist(jlist);
        if (tickets != null) jobs = JobReader.withTickets(jobs, tickets);
        long[] ql = quantumList == null ? null : longs(quantumList, "--quantum-list");
        if (ql != null && ql.length > MAX_QUEUES) throw new IllegalArgumentException("--quantum-list: at most " + MAX_QUEUES + " queues");
        int[] al = allotmentList == null ? null : Arrays.stream(longs(allotmentList, "--allotment-list")).mapToInt(Math::toIntExact).toArray();
        SchedPolicy.Options o = new SchedPolicy.Options(quantum, preemptive, queues, boost, ql, allotment, al, ioTime, stay, ioBump, seed,
                cpus, perCpu, affinity(affinity), peek, warmup, warmRate, cacheSize, randomOrder);
        List<String> names = policies.strip().equalsIgnoreCase("all") ? List.of("fcfs", "sjf", "stcf", "rr", "priority", "lottery", "stride", "mlfq")
                : List.of(policies.split(","));
        List<Schedule> runs = new ArrayList<>();
        for (String n : names) runs.add(SchedSim.run(jobs, SchedPolicy.parse(n, o)));
        PrintWriter out = spec.commandLine().getOut();
        List<Object> all = new ArrayList<>();
        for (Schedule s : runs) all.add(SchedReport.json(s));
        if (format.json) {
            out.println(Json.write(Map.of("results", all)));
        } else if (format.csv) {
            out.print(Csv.of(all, "jobs"));
        } else {
            for (int i = 0; i < runs.size(); i++) out.print((i > 0 ? "\n" : "") + SchedReport.text(runs.get(i)));
            if (runs.size() > 1) out.print("\n" + SchedReport.sideBySide(runs));
        }
        if (svg != null) LabOptions.writeFile(svg, SchedReport.svg(runs), out, format.any());
        out.flush();
    }

    private static long[] longs(String text, String what) {
        try {
            return Arrays.stream(text.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + text + "': expected numbers separated by commas");
        }
    }

    /** multi.py's -A: "a:0.1.2,b:0.1". */
    private static Map<String, Set<Integer>> affinity(String text) {
        Map<String, Set<Integer>> m = new HashMap<>();
        if (text == null || text.isBlank()) return m;
        for (String e : text.split(",")) {
            String[] f = e.split(":");
            try {
                if (f.length != 2) throw new NumberFormatException();
                Set<Integer> cs = new TreeSet<>();
                for (String c : f[1].split("\\.")) cs.add(Integer.parseInt(c.strip()));
                m.put(f[0].strip(), cs);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("bad --affinity entry '" + e + "': expected JOB:CPU.CPU...");
            }
        }
        return m;
    }
}
