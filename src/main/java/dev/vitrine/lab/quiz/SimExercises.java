package dev.vitrine.lab.quiz;

import dev.vitrine.lab.ReplaceReport;
import dev.vitrine.lab.ReplaceSim;
import dev.vitrine.lab.TlbReport;
import dev.vitrine.lab.TlbSim;
import dev.vitrine.lab.TraceRef;
import dev.vitrine.lab.sched.Job;
import dev.vitrine.lab.sched.SchedPolicy;
import dev.vitrine.lab.sched.SchedReport;
import dev.vitrine.lab.sched.SchedSim;
import dev.vitrine.lab.sched.Schedule;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mmu.TlbConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Exercises on the TLB, page replacement and scheduling; answers come from the simulators. */
final class SimExercises {
    private SimExercises() {}

    static long[] refString(SplittableRandom rnd, int length, int pages) {
        long[] s = new long[length];
        for (int i = 0; i < length; i++) {
            // Some locality: often reuse one of the last few pages.
            s[i] = i > 2 && rnd.nextInt(3) == 0 ? s[i - 1 - rnd.nextInt(3)] : rnd.nextInt(pages);
        }
        return s;
    }

    static String list(long[] s) {
        StringBuilder b = new StringBuilder();
        for (long v : s) b.append(b.length() == 0 ? "" : ",").append(v);
        return b.toString();
    }

    static Exercise tlb(SplittableRandom rnd, QuizOptions o) {
        long[] refs = refString(rnd, o.difficulty().pick(8, 10, 16) + rnd.nextInt(5), o.difficulty().pick(4, 6, 8) + rnd.nextInt(4));
        int entries = 1 << (1 + rnd.nextInt(2));
        int ways = rnd.nextBoolean() ? entries : Math.max(1, entries / 2);
        TlbConfig.Policy drawn = rnd.nextBoolean() ? TlbConfig.Policy.LRU : TlbConfig.Policy.FIFO;
        TlbConfig.Policy policy = o.policy() == null ? drawn : tlbPolicy(o.policy());
        TlbConfig cfg = new TlbConfig(entries, ways, policy, false, false, 1);
        List<TraceRef> trace = new ArrayList<>();
        for (long r : refs) trace.add(new TraceRef.Page(r, 1));
        TlbSim.Result r = TlbSim.run(TlbSim.accesses(trace, 12), cfg, refs.length);
        String assoc = ways == entries ? "fully associative" : ways + "-way set associative (" + entries / ways + " sets, set = page number mod " + entries / ways + ")";
        String q = String.format(Locale.ROOT, "An empty %d-entry TLB, %s, replacing by %s, sees the page numbers %s. Which lookups hit, and what is the hit rate?",
                entries, assoc, policy.name(), list(refs));
        StringBuilder hits = new StringBuilder();
        for (int i = 0; i < r.steps().size(); i++) if (r.steps().get(i).hit()) hits.append(hits.length() == 0 ? "" : ",").append(i + 1);
        String a = String.format(Locale.ROOT, "%d hits (lookups %s), %d misses, hit rate %d/%d", r.hits(),
                hits.length() == 0 ? "none" : hits, r.misses(), r.hits(), r.lookups());
        return new Exercise("tlb", q, a, TlbReport.text(r), TlbReport.json(r), List.of(Check.of("hits", r.hits()), Check.of("misses", r.misses())));
    }

    static Exercise replace(SplittableRandom rnd, QuizOptions o) {
        long[] refs = refString(rnd, o.difficulty().pick(8, 12, 20) + rnd.nextInt(6), o.difficulty().pick(4, 5, 7) + rnd.nextInt(3));
        int frames = o.difficulty().pick(3, 3, 4) + rnd.nextInt(2);
        PolicyKind[] kinds = {PolicyKind.FIFO, PolicyKind.LRU, PolicyKind.OPT, PolicyKind.CLOCK};
        PolicyKind drawn = kinds[rnd.nextInt(kinds.length)];
        PolicyKind kind = o.policy() == null ? drawn : PolicyKind.parse(o.policy());
        ReplaceSim.Result r = ReplaceSim.run(refs, frames, kind, 1, refs.length);
        String extra = kind == PolicyKind.CLOCK ? " (second chance: a use sets the page's bit; the hand sweeps frames in order, clearing set bits and taking the first clear one)" : "";
        String q = String.format(Locale.ROOT, "With %d initially empty frames and %s replacement%s, how many page faults does the reference string %s cause?",
                frames, kind.label().toUpperCase(Locale.ROOT), extra, list(refs));
        String a = r.faults() + " faults, " + r.hits() + " hits";
        return new Exercise("replace", q, a, ReplaceReport.text(r), ReplaceReport.json(r), List.of(Check.of("faults", r.faults())));
    }

    static Exercise sched(SplittableRandom rnd, QuizOptions o) {
        int count = o.difficulty().pick(3, 3, 4) + rnd.nextInt(2);
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < count; i++)
            jobs.add(new Job(String.valueOf((char) ('A' + i)), i == 0 ? 0 : rnd.nextInt(12), 2 + rnd.nextInt(12), 0));
        String[] names = {"fcfs", "sjf", "stcf", "rr"};
        String name = o.policyOr(names[rnd.nextInt(names.length)]);
        long quantum = 1 + rnd.nextInt(4);
        SchedPolicy p = SchedPolicy.parse(name, quantum, false, 3, 0);
        if (p instanceof SchedPolicy.Multi) throw new IllegalArgumentException("the sched quiz is on one CPU: choose fcfs, sjf, stcf, rr, priority, lottery, stride or mlfq");
        Schedule s = SchedSim.run(jobs, p);
        StringBuilder js = new StringBuilder();
        for (Job j : jobs) js.append(js.length() == 0 ? "" : ", ").append(j.name()).append(" arrives at ").append(j.arrival()).append(" needing ").append(j.length());
        String q = String.format(Locale.ROOT, "Jobs: %s. Under %s, when does each job finish, and what are the average turnaround and response times?"
                + " (Ties go to the earlier arrival, then to the job listed first.)", js, p.label().toUpperCase(Locale.ROOT));
        StringBuilder fin = new StringBuilder();
        for (Schedule.JobStats st : s.stats()) fin.append(fin.length() == 0 ? "" : ", ").append(st.job().name()).append(" at ").append(st.completion());
        String a = String.format(Locale.ROOT, "finish %s; average turnaround %s, average response %s", fin, frac(s, true), frac(s, false));
        List<Check> checks = new ArrayList<>();
        for (Schedule.JobStats st : s.stats()) checks.add(Check.of(st.job().name() + " finishes at", st.completion()));
        checks.add(Check.average("average turnaround", s.avgTurnaround()));
        checks.add(Check.average("average response", s.avgResponse()));
        return new Exercise("sched", q, a, SchedReport.text(s), SchedReport.json(s), checks);
    }

    static TlbConfig.Policy tlbPolicy(String p) {
        try {
            return TlbConfig.Policy.valueOf(p.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad TLB policy '" + p + "': expected lru, fifo or random");
        }
    }

    /** Averages as exact fractions when not whole ("103.33 (310/3)"). */
    private static String frac(Schedule s, boolean turnaround) {
        long sum = 0;
        for (Schedule.JobStats st : s.stats()) sum += turnaround ? st.turnaround() : st.response();
        int n = s.stats().size();
        return sum % n == 0 ? Long.toString(sum / n) : String.format(Locale.ROOT, "%.2f (%d/%d)", (double) sum / n, sum, n);
    }
}
