package dev.vitrine.lab.sched;

import dev.vitrine.lab.PyRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Round robin on several CPUs with OSTEP multi.py's model, tick by tick: at a quantum
 * boundary every running job goes back to its queue (CPU order); with per-CPU queues an
 * empty queue steals one job from a CPU picked at random every peek interval; each idle
 * CPU takes the first job of its queue it may run (affinity); a job runs warmRate units of
 * work per tick if its working set is in that CPU's cache, else one. A cache holds working
 * sets up to its size, newest first; a job warms it by running warmup ticks there.
 * All jobs arrive at 0, as in multi.py. (multi.py's stealing tests the job record instead
 * of its affinity list, so it can steal a job onto a CPU it is not allowed; this one does not.)
 */
final class MultiSim {
    private MultiSim() {}

    /** One CPU's cache: whose working sets are in it, and who is warming it. */
    private static final class Cache {
        final List<String> contents = new ArrayList<>();
        final List<String> warming = new ArrayList<>();
        final Map<String, Long> counter = new HashMap<>();
        final Map<String, Long> wset;
        final long size, warmup;

        Cache(Map<String, Long> wset, long size, long warmup) {
            this.wset = wset;
            this.size = size;
            this.warmup = warmup;
        }

        void newJob(String j) {
            if (contents.contains(j) || warming.contains(j)) return;
            if (warmup == 0) {
                contents.add(0, j);
                adjust();
            } else {
                warming.add(j);
                counter.put(j, warmup);
            }
        }

        void adjust() {
            long total = 0;
            for (String j : contents) total += wset.get(j);
            while (total > size) {
                String gone = contents.remove(contents.size() - 1);
                warming.add(gone);
                counter.put(gone, warmup);
                total -= wset.get(gone);
            }
        }

        boolean warm(String j) { return contents.contains(j); }

        void ran(String j) {
            if (!warming.contains(j)) return;
            long c = counter.get(j) - 1;
            counter.put(j, c);
            if (c <= 0) {
                warming.remove(j);
                contents.add(0, j);
                adjust();
            }
        }
    }

    static Schedule run(List<Job> jobs, SchedPolicy.Multi p) {
        for (Job j : jobs) if (j.arrival() != 0) throw new IllegalArgumentException("multi: every job arrives at 0 in multi.py's model (" + j.name() + " arrives at " + j.arrival() + ")");
        for (String name : p.affinity().keySet())
            if (jobs.stream().noneMatch(j -> j.name().equals(name))) throw new IllegalArgumentException("--affinity names job " + name + ", which does not exist");
        int n = p.cpus(), count = jobs.size();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Long> wset = new HashMap<>();
        for (int i = 0; i < count; i++) {
            index.put(jobs.get(i).name(), i);
            wset.put(jobs.get(i).name(), jobs.get(i).workingSet());
        }
        List<List<String>> queue = new ArrayList<>();
        if (p.perCpuQueues()) {
            for (int c = 0; c < n; c++) queue.add(new ArrayList<>());
            List<String> unassigned = new ArrayList<>(jobs.stream().map(Job::name).toList());
            while (!unassigned.isEmpty())
                for (int c = 0; c < n; c++)
                    for (String j : unassigned)
                        if (allowed(p, j, c)) {
                            queue.get(c).add(j);
                            unassigned.remove(j);
                            break;
                        }
        } else {
            List<String> central = new ArrayList<>(jobs.stream().map(Job::name).toList());
            for (int c = 0; c < n; c++) queue.add(central);
        }
        PyRandom rnd = new PyRandom(p.seed());
        Cache[] cache = new Cache[n];
        for (int c = 0; c < n; c++) cache[c] = new Cache(wset, p.cacheSize(), p.warmup());
        String[] running = new String[n];
        long[] ran = new long[n], ranWarm = new long[n];
        long[] left = new long[count], first = new long[count], done = new long[count], ticks = new long[count];
        for (int i = 0; i < count; i++) {
            left[i] = jobs.get(i).length();
            first[i] = -1;
        }
        Timeline timeline = new Timeline();
        int finished = 0;
        long t = 0;
        for (; finished < count; t++) {
            if (t > SchedSim.MAX_TIME) throw new IllegalArgumentException("the jobs run past " + SchedSim.MAX_TIME + " time units; the simulator stops there");
            if (t > 0 && t % p.quantum() == 0)
                for (int c = 0; c < n; c++)
                    if (running[c] != null) {
                        queue.get(c).add(running[c]);
                        running[c] = null;
                    }
            if (p.perCpuQueues() && p.peek() > 0 && t > 0 && t % p.peek() == 0)
                for (int c = 0; c < n; c++) {
                    if (!queue.get(c).isEmpty()) continue;
                    List<Integer> others = new ArrayList<>();
                    for (int o = 0; o < n; o++) if (o != c) others.add(o);
                    int other = others.get(rnd.randbelow(others.size()));
                    for (String j : queue.get(other))
                        if (allowed(p, j, c)) {
                            queue.get(other).remove(j);
                            queue.get(c).add(j);
                            break;
                        }
                }
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < n; c++) order.add(c);
            if (p.randomOrder()) rnd.shuffle(order);
            for (int c : order) {
                if (running[c] != null) continue;
                List<String> rq = queue.get(c);
                for (int k = 0; k < rq.size(); k++)
                    if (allowed(p, rq.get(k), c)) {
                        running[c] = rq.remove(k);
                        cache[c].newJob(running[c]);
                        break;
                    }
            }
            for (int c = 0; c < n; c++) {
                String j = running[c];
                timeline.tick(j, t, c);
                if (j == null) continue;
                int i = index.get(j);
                long rate = cache[c].warm(j) ? p.warmRate() : 1;
                ran[c]++;
                if (rate > 1) ranWarm[c]++;
                if (first[i] < 0) first[i] = t;
                ticks[i]++;
                left[i] = Math.max(0, left[i] - rate);
                cache[c].ran(j);
                if (left[i] == 0) {
                    running[c] = null;
                    done[i] = t + 1;
                    finished++;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("finished time " + t);
        for (int c = 0; c < n; c++)
            notes.add(String.format(Locale.ROOT, "CPU %d utilization %.2f%% [warm %.2f%%]", c, 100.0 * ran[c] / t, 100.0 * ranWarm[c] / t));
        List<Schedule.JobStats> stats = new ArrayList<>();
        for (int i = 0; i < count; i++) stats.add(new Schedule.JobStats(jobs.get(i), first[i], done[i], ticks[i], 0));
        // The timeline's trailing idle ticks of CPUs that finished early stay: the span is the machine's.
        return new Schedule(p, List.copyOf(jobs), timeline.segments(), stats, n, List.copyOf(notes));
    }

    private static boolean allowed(SchedPolicy.Multi p, String job, int cpu) {
        Set<Integer> a = p.affinity().get(job);
        return a == null || a.isEmpty() || a.contains(cpu);
    }
}
