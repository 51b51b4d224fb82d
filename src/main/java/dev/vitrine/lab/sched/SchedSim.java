package dev.vitrine.lab.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Runs a job list under a policy one time unit at a time. Ties go to the earlier arrival,
 * then to the job listed first. A job that arrives at the moment another's time slice
 * ends is queued before the preempted job (as in OSTEP's simulators).
 */
public final class SchedSim {
    private SchedSim() {}

    static final long MAX_TIME = 10_000_000;

    public static Schedule run(List<Job> jobs, SchedPolicy policy) {
        if (policy instanceof SchedPolicy.Mlfq m) return MlfqSim.run(jobs, m);
        if (policy instanceof SchedPolicy.Multi m) return MultiSim.run(jobs, m);
        if (policy instanceof SchedPolicy.Lottery || policy instanceof SchedPolicy.Stride) return ProportionalSim.run(jobs, policy);
        return runOne(jobs, policy);
    }

    /** The classic policies on one CPU: FCFS, SJF, STCF, RR, priority. */
    private static Schedule runOne(List<Job> jobs, SchedPolicy policy) {
        int n = jobs.size();
        long horizon = jobs.stream().mapToLong(Job::arrival).max().orElse(0) + jobs.stream().mapToLong(Job::length).sum();
        if (horizon > MAX_TIME) throw new IllegalArgumentException("the jobs span " + horizon + " time units; the simulator steps through at most " + MAX_TIME);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> jobs.get(i).arrival()).thenComparingInt(i -> i));
        long[] remaining = new long[n], first = new long[n], done = new long[n];
        long[] used = new long[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = jobs.get(i).length();
            first[i] = -1;
        }
        List<Deque<Integer>> q = List.of(new ArrayDeque<>());
        Timeline timeline = new Timeline();
        int next = 0, finished = 0, running = -1;
        boolean expired = false;
        for (long t = 0; finished < n; t++) {
            while (next < n && jobs.get(order[next]).arrival() <= t) q.get(0).addLast(order[next++]);
            if (expired) {
                // The slice ended: to the back of the queue, behind this tick's arrivals.
                q.get(0).remove(running);
                q.get(0).addLast(running);
                expired = false;
            }
            running = choose(policy, jobs, q, running, remaining);
            if (running < 0) {
                timeline.tick(null, t, 0);
                continue;
            }
            if (first[running] < 0) first[running] = t;
            remaining[running]--;
            used[running]++;
            timeline.tick(jobs.get(running).name(), t, 0);
            if (remaining[running] == 0) {
                done[running] = t + 1;
                finished++;
                for (Deque<Integer> d : q) d.remove(running);
                used[running] = 0;
                running = -1;
            } else if (policy instanceof SchedPolicy.RoundRobin rr && used[running] == rr.quantum()) {
                used[running] = 0;
                expired = true;
            }
        }
        List<Schedule.JobStats> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) stats.add(new Schedule.JobStats(jobs.get(i), first[i], done[i]));
        return new Schedule(policy, List.copyOf(jobs), timeline.segments(), stats);
    }

    /**
     * The job to run this tick. Queue-based policies keep the running job at the head of
     * its queue; the others pick from the whole ready set.
     */
    private static int choose(SchedPolicy p, List<Job> jobs, List<Deque<Integer>> q, int running, long[] remaining) {
        Deque<Integer> ready = q.get(0);
        if (p instanceof SchedPolicy.Fcfs || p instanceof SchedPolicy.RoundRobin) return ready.isEmpty() ? -1 : ready.peekFirst();
        if (ready.isEmpty()) return -1;
        boolean preemptive = p instanceof SchedPolicy.Stcf || (p instanceof SchedPolicy.Priority pr && pr.preemptive());
        if (running >= 0 && !preemptive) return running;
        Comparator<Integer> key = p instanceof SchedPolicy.Priority
                ? Comparator.comparingInt(i -> jobs.get(i).priority())
                : p instanceof SchedPolicy.Sjf ? Comparator.comparingLong(i -> jobs.get(i).length()) : Comparator.comparingLong(i -> remaining[i]);
        int best = -1;
        for (int i : ready) {
            if (best < 0) { best = i; continue; }
            int c = key.compare(i, best);
            // Ties: the running job keeps the CPU, else the ready queue's (arrival) order stands.
            if (c < 0 || (c == 0 && i == running)) best = i;
        }
        return best;
    }
}
