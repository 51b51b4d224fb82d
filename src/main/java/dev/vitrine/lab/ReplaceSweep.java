package dev.vitrine.lab;

import dev.vitrine.mm.replace.PolicyKind;

import java.util.ArrayList;
import java.util.List;

/** The same trace under each policy for each frame count, and where more frames did worse. */
public final class ReplaceSweep {
    private ReplaceSweep() {}

    /** More frames, more faults: Belady's anomaly (possible for FIFO and random, never LRU or OPT). */
    public record Anomaly(PolicyKind policy, int frames, long faults, int moreFrames, long moreFaults) {
        public String describe() {
            return policy.label() + ": " + moreFrames + " frames give " + moreFaults + " faults, " + frames
                    + " frames only " + faults + " (Belady's anomaly)";
        }
    }

    public record Result(List<PolicyKind> policies, int minFrames, int maxFrames, List<ReplaceSim.Result> runs,
                         List<Anomaly> anomalies) {
        public ReplaceSim.Result get(PolicyKind p, int frames) {
            for (ReplaceSim.Result r : runs) if (r.policy() == p && r.frames() == frames) return r;
            throw new IllegalArgumentException("no run for " + p + " with " + frames + " frames");
        }
    }

    public static Result run(long[] pages, List<PolicyKind> policies, int minFrames, int maxFrames, long seed) {
        if (minFrames < 1 || maxFrames < minFrames)
            throw new IllegalArgumentException("bad frame range " + minFrames + "-" + maxFrames);
        List<ReplaceSim.Result> runs = new ArrayList<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (PolicyKind p : policies) {
            ReplaceSim.Result prev = null;
            for (int n = minFrames; n <= maxFrames; n++) {
                ReplaceSim.Result r = ReplaceSim.run(pages, n, p, seed, 0);
                runs.add(r);
                if (prev != null && r.faults() > prev.faults())
                    anomalies.add(new Anomaly(p, prev.frames(), prev.faults(), n, r.faults()));
                prev = r;
            }
        }
        return new Result(List.copyOf(policies), minFrames, maxFrames, runs, anomalies);
    }
}
