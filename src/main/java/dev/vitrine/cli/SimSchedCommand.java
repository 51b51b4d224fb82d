package dev.vitrine.cli;

import dev.vitrine.trace.Json;
import dev.vitrine.lab.sched.Job;
import dev.vitrine.lab.sched.JobReader;
import dev.vitrine.lab.sched.SchedPolicy;
import dev.vitrine.lab.sched.SchedReport;
import dev.vitrine.lab.sched.SchedSim;
import dev.vitrine.lab.sched.Schedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** `vitrine sim sched`: jobs through a scheduling policy, a Gantt chart and the measures. */
@Command(name = "sched", mixinStandardHelpOptions = true,
        description = {"CPU scheduling of a job list: Gantt chart, turnaround, response, waiting, throughput, utilization.",
                "JOBS file: 'NAME ARRIVAL LENGTH [PRIORITY]' a line; or --jobs 100,10,10 / --jobs A=100@0,B=10@10/2."})
final class SimSchedCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "JOBS", description = "job file") Path file;
    @Option(names = "--jobs", paramLabel = "LIST", description = "[NAME=]LENGTH[@ARRIVAL][/PRIORITY],...") String inline;
    @Option(names = "--policy", defaultValue = "fcfs", paramLabel = "P[,P...]",
            description = "fcfs, sjf, stcf, rr, priority, mlfq, or all (default: ${DEFAULT-VALUE})") String policies;
    @Option(names = "--quantum", defaultValue = "1", description = "time slice for rr and mlfq (default: ${DEFAULT-VALUE})") long quantum;
    @Option(names = "--preemptive", description = "priority preempts when a more urgent job arrives") boolean preemptive;
    @Option(names = "--queues", defaultValue = "3", description = "mlfq queues (default: ${DEFAULT-VALUE})") int queues;
    @Option(names = "--boost", defaultValue = "0", description = "mlfq: every N units all jobs return to the top queue (0: never)") long boost;
    @Option(names = "--svg", paramLabel = "FILE", description = "draw the Gantt chart (of the first policy)") Path svg;
    @Option(names = "--json", description = "print one JSON object") boolean json;

    /** MLFQ with more levels than this teaches nothing more. */
    static final int MAX_QUEUES = 64;

    @Override public void run() {
        if (file != null && inline != null) throw new IllegalArgumentException("give a JOBS file or --jobs, not both");
        if (file == null && inline == null) throw new IllegalArgumentException("no jobs: give a JOBS file or --jobs 100,10,10");
        if (queues > MAX_QUEUES) throw new IllegalArgumentException("--queues " + queues + ": at most " + MAX_QUEUES);
        if (boost < 0) throw new IllegalArgumentException("--boost " + boost + ": expected a period >= 0 (0 = never)");
        List<Job> jobs = file != null ? JobReader.read(file) : JobReader.inline(inline);
        List<String> names = policies.strip().equalsIgnoreCase("all") ? List.of("fcfs", "sjf", "stcf", "rr", "priority", "mlfq")
                : List.of(policies.split(","));
        List<Schedule> runs = new ArrayList<>();
        for (String n : names) runs.add(SchedSim.run(jobs, SchedPolicy.parse(n, quantum, preemptive, queues, boost)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Object> all = new ArrayList<>();
            for (Schedule s : runs) all.add(SchedReport.json(s));
            out.println(Json.write(all.size() == 1 ? all.get(0) : java.util.Map.of("results", all)));
        } else {
            for (int i = 0; i < runs.size(); i++) out.print((i > 0 ? "\n" : "") + SchedReport.text(runs.get(i)));
        }
        if (svg != null) LabOptions.writeFile(svg, SchedReport.svg(runs.get(0)), out, json);
        out.flush();
    }
}
