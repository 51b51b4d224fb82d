package dev.vitrine.lab;

import dev.vitrine.mm.replace.AccessedBits;
import dev.vitrine.mm.replace.ClockPolicy;
import dev.vitrine.mm.replace.PolicyKind;
import dev.vitrine.mm.replace.ReplacementPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a reference string through {@code frames} page frames managed by one of the
 * kernel's replacement policies, the way the kernel drives them (loaded / referenced /
 * victim / removed), and records each step with the reason for each eviction.
 */
public final class ReplaceSim {
    private ReplaceSim() {}

    /** One reference: its page, whether it hit, the frame used, what was evicted and why. */
    /** {@code referenced} is each frame's referenced bit after the step (what clock reads). */
    public record Step(int index, long page, boolean hit, int frame, long evicted, String why, long[] resident, boolean[] referenced) {}

    public record Result(PolicyKind policy, int frames, long references, long hits, long faults, List<Step> steps) {
        public double hitRate() { return references == 0 ? 0 : (double) hits / references; }
    }

    /** Steps are kept only for the first {@code keepSteps} references (0: none). */
    public static Result run(long[] pages, int frames, PolicyKind kind, long seed, int keepSteps) {
        if (frames < 1) throw new IllegalArgumentException("need at least one frame, not " + frames);
        long[] nextUse = nextUses(pages);
        long[] frameNext = new long[frames];
        long[] held = new long[frames];
        long[] loadedAt = new long[frames];
        long[] lastUse = new long[frames];
        boolean[] accessed = new boolean[frames];
        Arrays.fill(held, -1);
        Map<Long, Integer> where = new HashMap<>();
        ReplacementPolicy policy = kind.create(seed, f -> frameNext[f]);
        List<Integer> passedOver = new ArrayList<>();
        AccessedBits bits = f -> {
            boolean was = accessed[f];
            accessed[f] = false;
            if (was) passedOver.add(f);
            return was;
        };
        List<Step> steps = new ArrayList<>();
        long hits = 0;
        int free = 0;
        for (int i = 0; i < pages.length; i++) {
            long page = pages[i];
            Integer f = where.get(page);
            long evicted = -1;
            String why = "";
            boolean hit = f != null;
            if (hit) {
                hits++;
                policy.referenced(f);
            } else if (free < frames) {
                f = free++;
                why = "free frame";
            } else {
                passedOver.clear();
                f = policy.victim(bits);
                evicted = held[f];
                why = reason(policy, f, evicted, loadedAt, lastUse, frameNext, passedOver, held);
                where.remove(evicted);
                policy.removed(f);
            }
            if (!hit) {
                held[f] = page;
                where.put(page, f);
                loadedAt[f] = i;
                policy.loaded(f);
            }
            accessed[f] = true;
            lastUse[f] = i;
            frameNext[f] = nextUse[i];
            if (i < keepSteps) steps.add(new Step(i, page, hit, f, evicted, why, held.clone(), accessed.clone()));
        }
        return new Result(kind, frames, pages.length, hits, pages.length - hits, steps);
    }

    private static String reason(ReplacementPolicy p, int f, long page, long[] loadedAt, long[] lastUse,
                                 long[] frameNext, List<Integer> passedOver, long[] held) {
        return switch (p.kind()) {
            case FIFO -> "loaded first (ref " + (loadedAt[f] + 1) + ")";
            case LRU -> "least recently used (ref " + (lastUse[f] + 1) + ")";
            case OPT -> frameNext[f] == Long.MAX_VALUE ? "never used again" : "used furthest ahead (ref " + (frameNext[f] + 1) + ")";
            case RANDOM -> "chosen at random";
            case CLOCK -> {
                StringBuilder sb = new StringBuilder();
                if (!passedOver.isEmpty()) {
                    sb.append("bit set on");
                    for (int q : passedOver) sb.append(' ').append(held[q]);
                    sb.append(": cleared (second chance); ");
                }
                yield sb.append(page).append("'s bit clear: evicted; hand moves to frame ").append(((ClockPolicy) p).hand()).toString();
            }
        };
    }

    /** For each position, the position of the next reference to the same page (MAX: never). */
    static long[] nextUses(long[] pages) {
        long[] next = new long[pages.length];
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = pages.length - 1; i >= 0; i--) {
            Integer j = seen.put(pages[i], i);
            next[i] = j == null ? Long.MAX_VALUE : j;
        }
        return next;
    }
}
