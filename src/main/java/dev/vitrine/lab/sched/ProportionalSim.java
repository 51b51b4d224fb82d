package dev.vitrine.lab.sched;

import dev.vitrine.lab.PyRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Proportional share, a quantum at a time. Lottery draws as OSTEP's lottery.py does:
 * r = int(random() * 1000001) from Python's generator, the winning ticket r mod the
 * tickets of the jobs still running, found by walking the job list. Stride (OSTEP ch. 9)
 * runs the smallest pass, ties to the job listed first, and adds BIG/tickets to it; a job
 * that arrives later starts at the smallest pass of the others, so it cannot monopolize.
 * A job with less than a quantum left runs what it needs and the next draw comes at once
 * (lottery.py charges it the whole quantum; with lengths a multiple of the quantum the two agree).
 */
final class ProportionalSim {
    private ProportionalSim() {}

    static Schedule run(List<Job> jobs, SchedPolicy p) {
        int n = jobs.size();
        long quantum = p instanceof SchedPolicy.Lottery l ? l.quantum() : ((SchedPolicy.Stride) p).quantum();
        PyRandom rnd = p instanceof SchedPolicy.Lottery l ? new PyRandom(l.seed()) : null;
        long[] left = new long[n], first = new long[n], done = new long[n], pass = new long[n];
        boolean[] ready = new boolean[n];
        for (int i = 0; i < n; i++) {
            left[i] = jobs.get(i).length();
            first[i] = -1;
        }
        Timeline timeline = new Timeline();
        List<String> notes = new ArrayList<>();
        int finished = 0;
        for (long t = 0; finished < n; ) {
            if (t > SchedSim.MAX_TIME) throw new IllegalArgumentException("the jobs run past " + SchedSim.MAX_TIME + " time units; the simulator stops there");
            long minPass = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) if (ready[i]) minPass = Math.min(minPass, pass[i]);
            for (int i = 0; i < n; i++)
                if (!ready[i] && left[i] > 0 && jobs.get(i).arrival() <= t) {
                    ready[i] = true;
                    pass[i] = minPass == Long.MAX_VALUE ? 0 : minPass;
                }
            int w = rnd != null ? draw(jobs, ready, rnd, notes, t) : smallestPass(ready, pass);
            if (w < 0) {
                long next = Long.MAX_VALUE;
                for (int i = 0; i < n; i++) if (left[i] > 0) next = Math.min(next, jobs.get(i).arrival());
                timeline.add(null, t, next, 0);
                t = next;
                continue;
            }
            if (rnd == null) notes.add(String.format(Locale.ROOT, "t=%d: passes %s -> run %s (pass %d + stride %d)", t, passes(jobs, ready, pass), jobs.get(w).name(),
                    pass[w], SchedPolicy.Stride.BIG / jobs.get(w).tickets()));
            long run = Math.min(quantum, left[w]);
            if (first[w] < 0) first[w] = t;
            timeline.add(jobs.get(w).name(), t, t + run, 0);
            t += run;
            left[w] -= run;
            pass[w] += SchedPolicy.Stride.BIG / jobs.get(w).tickets();
            if (left[w] == 0) {
                done[w] = t;
                ready[w] = false;
                finished++;
            }
        }
        List<Schedule.JobStats> stats = new ArrayList<>();
        for (int i = 0; i < n; i++) stats.add(new Schedule.JobStats(jobs.get(i), first[i], done[i]));
        return new Schedule(p, List.copyOf(jobs), timeline.segments(), stats, 1, List.copyOf(notes));
    }

    private static int draw(List<Job> jobs, boolean[] ready, PyRandom rnd, List<String> notes, long t) {
        long total = 0;
        for (int i = 0; i < jobs.size(); i++) if (ready[i]) total += jobs.get(i).tickets();
        if (total == 0) return -1;
        long r = (long) (rnd.random() * 1000001);
        long winner = r % total, current = 0;
        for (int i = 0; i < jobs.size(); i++) {
            if (!ready[i]) continue;
            current += jobs.get(i).tickets();
            if (current > winner) {
                notes.add(String.format(Locale.ROOT, "t=%d: random %d -> winning ticket %d (of %d) -> run %s", t, r, winner, total, jobs.get(i).name()));
                return i;
            }
        }
        throw new IllegalStateException("no winner");
    }

    private static int smallestPass(boolean[] ready, long[] pass) {
        int best = -1;
        for (int i = 0; i < ready.length; i++) if (ready[i] && (best < 0 || pass[i] < pass[best])) best = i;
        return best;
    }

    private static String passes(List<Job> jobs, boolean[] ready, long[] pass) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < jobs.size(); i++) if (ready[i]) b.append(b.length() == 0 ? "" : " ").append(jobs.get(i).name()).append('=').append(pass[i]);
        return b.toString();
    }
}
