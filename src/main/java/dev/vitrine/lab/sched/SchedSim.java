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
        int n = jobs.size();
        long horizon = jobs.stream().mapToLong(Job::arrival).max().orElse(0) + jobs.stream().mapToLong(Job::length).sum();
        if (horizon > MAX_TIME) throw new IllegalArgumentException("the jobs span " + horizon + " time units; the simulator steps through at most " + MAX_TIME);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingLong((Integer i) -> jobs.get(i).arrival()).thenComparingInt(i -> i));
        long[] remaining = new long[n], first = new long[n], done = new long[n];
        int[] level = new int[n];
        long[] used = new long[n];
        for (int i = 0; i < n; i++) {
            remaining[i] = jobs.get(i).length();
            first[i] = -1;
        }
        int queues = policy instanceof SchedPolicy.Mlfq m ? m.queues() : 1;
        List<Deque<Integer>> q = new ArrayList<>();
        for (int l = 0; l < queues; l++) q.add(new ArrayDeque<>());
        List<Schedule.Segment> timeline = new ArrayList<>();
        int next = 0, finished = 0, running = -1;
        boolean expired = false;
        for (long t = 0; finished < n; t++) {
            while (next < n && jobs.get(order[next]).arrival() <= t) q.get(0).addLast(order[next++]);
            if (policy instanceof SchedPolicy.Mlfq m && m.boost() > 0 && t > 0 && t % m.boost() == 0) {
                for (int l = 1; l < queues; l++) while (!q.get(l).isEmpty()) q.get(0).addLast(q.get(l).pollFirst());
                java.util.Arrays.fill(level, 0);
                java.util.Arrays.fill(used, 0);
                expired = false; // a boosted job starts afresh at the top
            }
            if (expired) {
                // The slice ended: to the back of its (possibly lower) queue, behind this tick's arrivals.
                q.get(0).remove(running);
                for (Deque<Integer> d : q) d.remove(running);
                q.get(level[running]).addLast(running);
                expired = false;
            }
            running = choose(policy, jobs, q, running, remaining);
            if (running < 0) {
                add(timeline, null, t);
                continue;
            }
            if (first[running] < 0) first[running] = t;
            remaining[running]--;
            used[running]++;
            add(timeline, jobs.get(running).name(), t);
            if (remaining[running] == 0) {
                done[running] = t + 1;
                finished++;
                for (Deque<Integer> d : q) d.remove(running);
                used[running] = 0;
                running = -1;
            } else if (policy instanceof SchedPolicy.RoundRobin rr && used[running] == rr.quantum()) {
                used[running] = 0;
                expired = true;
            } else if (policy instanceof SchedPolicy.Mlfq m && used[running] == m.quantum()) {
                used[running] = 0;
                level[running] = Math.min(level[running] + 1, queues - 1);
                expired = true;
            }
        }
        List<Schedule.JobStats> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) stats.add(new Schedule.JobStats(jobs.get(i), first[i], done[i]));
        return new Schedule(policy, List.copyOf(jobs), timeline, stats);
    }

    /**
     * The job to run this tick. Queue-based policies keep the running job at the head of
     * its queue; the others pick from the whole ready set.
     */
    private static int choose(SchedPolicy p, List<Job> jobs, List<Deque<Integer>> q, int running, long[] remaining) {
        Deque<Integer> ready = q.get(0);
        if (p instanceof SchedPolicy.Fcfs || p instanceof SchedPolicy.RoundRobin) return ready.isEmpty() ? -1 : ready.peekFirst();
        if (p instanceof SchedPolicy.Mlfq) {
            for (Deque<Integer> d : q) if (!d.isEmpty()) return d.peekFirst();
            return -1;
        }
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

    private static void add(List<Schedule.Segment> timeline, String job, long t) {
        if (!timeline.isEmpty()) {
            Schedule.Segment last = timeline.get(timeline.size() - 1);
            if (java.util.Objects.equals(last.job(), job) && last.end() == t) {
                timeline.set(timeline.size() - 1, new Schedule.Segment(job, last.start(), t + 1));
                return;
            }
        }
        timeline.add(new Schedule.Segment(job, t, t + 1));
    }
}
