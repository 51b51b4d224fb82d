package dev.vitrine.lab.sched;

import java.util.List;

/** What a policy did with a job list: the timeline and the measures of efficiency. */
public record Schedule(SchedPolicy policy, List<Job> jobs, List<Segment> timeline, List<JobStats> stats) {

    /** The CPU ran {@code job} (null: idle) from {@code start} up to {@code end}. */
    public record Segment(String job, long start, long end) {}

    public record JobStats(Job job, long firstRun, long completion) {
        public long turnaround() { return completion - job.arrival(); }
        public long response() { return firstRun - job.arrival(); }
        public long waiting() { return turnaround() - job.length(); }
    }

    public double avgTurnaround() { return stats.stream().mapToLong(JobStats::turnaround).average().orElse(0); }
    public double avgResponse() { return stats.stream().mapToLong(JobStats::response).average().orElse(0); }
    public double avgWaiting() { return stats.stream().mapToLong(JobStats::waiting).average().orElse(0); }

    public long start() { return jobs.stream().mapToLong(Job::arrival).min().orElse(0); }
    public long end() { return stats.stream().mapToLong(JobStats::completion).max().orElse(0); }
    public long busy() { return jobs.stream().mapToLong(Job::length).sum(); }

    /** Jobs finished per unit of time, from the first arrival to the last completion. */
    public double throughput() { return (double) jobs.size() / (end() - start()); }

    /** Fraction of that span the CPU was running a job. */
    public double utilization() { return (double) busy() / (end() - start()); }

    /** Times the CPU was handed to a different job than the one it ran last. */
    public long switches() {
        long n = 0;
        String last = null;
        for (Segment s : timeline) {
            if (s.job() == null) continue;
            if (last != null && !last.equals(s.job())) n++;
            last = s.job();
        }
        return n;
    }
}
