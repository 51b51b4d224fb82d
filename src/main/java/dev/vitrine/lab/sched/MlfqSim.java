package dev.vitrine.lab.sched;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;

/**
 * MLFQ the way OSTEP's mlfq.py runs it, one time unit at a time: at each tick first the
 * boost (lower queues, bottom first, go behind the top queue), then arrivals and finished
 * I/Os (in the order they were due), then the head of the highest non-empty queue runs.
 * A job's slice and allotment survive preemption by a higher queue; a job that issues an
 * I/O leaves its queue and comes back to the queue it then belongs to.
 */
final class MlfqSim {
    private MlfqSim() {}

    private record Due(int job, boolean begins) {}

    static Schedule run(List<Job> jobs, SchedPolicy.Mlfq p) {
        int n = jobs.size(), queues = p.queues(), bottom = queues - 1;
        long[] left = new long[n], ticks = new long[n], first = new long[n], done = new long[n], cpu = new long[n], io = new long[n];
        int[] level = new int[n], allot = new int[n];
        boolean[] inIo = new boolean[n];
        TreeMap<Long, List<Due>> due = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            left[i] = jobs.get(i).length();
            ticks[i] = p.quanta()[0];
            allot[i] = p.allotments()[0];
            first[i] = -1;
            due.computeIfAbsent(jobs.get(i).arrival(), k -> new ArrayList<>()).add(new Due(i, true));
        }
        List<Deque<Integer>> q = new ArrayList<>();
        for (int l = 0; l < queues; l++) q.add(new ArrayDeque<>());
        Timeline timeline = new Timeline();
        int finished = 0;
        for (long t = 0; finished < n; ) {
            if (t > SchedSim.MAX_TIME) throw new IllegalArgumentException("the jobs run past " + SchedSim.MAX_TIME + " time units; the simulator stops there");
            if (p.boost() > 0 && t != 0 && t % p.boost() == 0) {
                for (int l = bottom; l >= 1; l--) {
                    q.get(0).addAll(q.get(l));
                    q.get(l).clear();
                }
                for (int j = 0; j < n; j++) {
                    if (left[j] == 0) continue;
                    level[j] = 0;
                    ticks[j] = p.quanta()[0];
                    allot[j] = p.allotments()[0];
                }
            }
            List<Due> now = due.remove(t);
            if (now != null) for (Due d : now) {
                inIo[d.job()] = false;
                if (p.ioBump() && !d.begins()) q.get(level[d.job()]).addFirst(d.job());
                else q.get(level[d.job()]).addLast(d.job());
            }
            int cur = -1;
            for (int l = 0; l < queues && cur < 0; l++) if (!q.get(l).isEmpty()) cur = l;
            if (cur < 0) {
                timeline.tick(null, t, 0);
                t++;
                continue;
            }
            int j = q.get(cur).peekFirst();
            left[j]--;
            ticks[j]--;
            cpu[j]++;
            if (first[j] < 0) first[j] = t;
            long sliceLeft = ticks[j]; // read before an I/O's reset, as mlfq.py does
            timeline.tick(jobs.get(j).name(), t, 0);
            t++;
            if (left[j] == 0) {
                done[j] = t;
                finished++;
                q.get(cur).pollFirst();
                continue;
            }
            long freq = jobs.get(j).ioFreq();
            boolean issued = freq > 0 && (jobs.get(j).length() - left[j]) % freq == 0;
            if (issued) {
                q.get(cur).pollFirst();
                inIo[j] = true;
                if (p.stay()) {
                    ticks[j] = p.quanta()[cur];
                    allot[j] = p.allotments()[cur];
                }
                io[j] += p.ioTime();
                due.computeIfAbsent(t + p.ioTime(), k -> new ArrayList<>()).add(new Due(j, false));
            }
            if (sliceLeft == 0) {
                if (!issued) q.get(cur).pollFirst();
                allot[j]--;
                int to = cur;
                if (allot[j] == 0) {
                    to = Math.min(cur + 1, bottom);
                    level[j] = to;
                    allot[j] = p.allotments()[to];
                }
                ticks[j] = p.quanta()[to];
                if (!issued) q.get(to).addLast(j);
            }
        }
        List<Schedule.JobStats> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) stats.add(new Schedule.JobStats(jobs.get(i), first[i], done[i], cpu[i], io[i]));
        return new Schedule(p, List.copyOf(jobs), timeline.segments(), stats, 1, List.of());
    }
}
