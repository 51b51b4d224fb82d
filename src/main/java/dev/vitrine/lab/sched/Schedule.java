package dev.vitrine.lab.sched;

import java.util.List;

/**
 * What a policy did with a job list: the timeline (per CPU) and the measures of efficiency.
 * {@code notes} are a policy's own lines (multi-CPU cache warmth, lottery draws).
 */
public record Schedule(SchedPolicy policy, List<Job> jobs, List<Segment> timeline, List<JobStats> stats, int cpus, List<String> notes) {

    public Schedule(SchedPolicy policy, List<Job> jobs, List<Segment> timeline, List<JobStats> stats) {
        this(policy, jobs, timeline, stats, 1, List.of());
    }

    /** CPU {@code cpu} ran {@code job} (null: idle) from {@code start} up to {@code end}. */
    public record Segment(String job, long start, long end, int cpu) {
        public Segment(String job, long start, long end) { this(job, start, end, 0); }
    }

    /**
     * A job's first run and completion, the time it held a CPU and the time it spent in
     * I/O: waiting (in a ready queue) is what is left of its turnaround.
     */
    public record JobStats(Job job, long firstRun, long completion, long cpuTime, long ioTime) {
        public JobStats(Job job, long firstRun, long completion) { this(job, firstRun, completion, job.length(), 0); }
        public long turnaround() { return completion - job.arrival(); }
        public long response() { return firstRun - job.arrival(); }
        public long waiting() { return turnaround() - cpuTime - ioTime; }
    }

    public double avgTurnaround() { return stats.stream().mapToLong(JobStats::turnaround).average().orElse(0); }
    public double avgResponse() { return stats.stream().mapToLong(JobStats::response).average().orElse(0); }
    public double avgWaiting() { return stats.stream().mapToLong(JobStats::waiting).average().orElse(0); }

    public long start() { return jobs.stream().mapToLong(Job::arrival).min().orElse(0); }
    public long end() { return stats.stream().mapToLong(JobStats::completion).max().orElse(0); }

    /** CPU time given to jobs, over all CPUs. */
    public long busy() { return timeline.stream().filter(s -> s.job() != null).mapToLong(s -> s.end() - s.start()).sum(); }

    /** Jobs finished per unit of time, from the first arrival to the last completion. */
    public double throughput() { return (double) jobs.size() / (end() - start()); }

    /** Fraction of that span (times the CPUs) the CPUs were running a job. */
    public double utilization() { return (double) busy() / ((end() - start()) * (double) cpus); }

    /** Times a CPU was handed to a different job than the one it ran last. */
    public long switches() {
        long n = 0;
        for (int c = 0; c < cpus; c++) {
            String last = null;
            for (Segment s : timeline) {
                if (s.cpu() != c || s.job() == null) continue;
                if (last != null && !last.equals(s.job())) n++;
                last = s.job();
            }
        }
        return n;
    }
}
