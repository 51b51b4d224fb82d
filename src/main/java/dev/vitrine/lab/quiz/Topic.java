package dev.vitrine.lab.quiz;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/** The kinds of exercise, each a generator from a random source (seeded, so repeatable). */
public enum Topic {
    SPLIT("split an address into its fields; count pages", MemoryExercises::split),
    TRANSLATE("walk a page table in memory to a physical address or a fault", MemoryExercises::translate),
    TABLESIZE("single- and multi-level page table sizes", MemoryExercises::tableSize),
    TLB("TLB hits and misses on a page sequence", SimExercises::tlb),
    REPLACE("page faults of a replacement policy", SimExercises::replace),
    SCHED("scheduling: turnaround and response times", SimExercises::sched);

    public final String summary;
    private final BiFunction<SplittableRandom, Integer, Exercise> generator;

    Topic(String summary, BiFunction<SplittableRandom, Integer, Exercise> generator) {
        this.summary = summary;
        this.generator = generator;
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static Topic parse(String name) {
        for (Topic t : values()) if (t.label().equals(name.strip().toLowerCase(Locale.ROOT))) return t;
        StringBuilder known = new StringBuilder();
        for (Topic t : values()) known.append(known.length() == 0 ? "" : ", ").append(t.label());
        throw new IllegalArgumentException("unknown quiz topic '" + name + "' (known: " + known + ", all)");
    }

    /** Exercise number {@code n} (1-based) of this topic for {@code seed}: the same seed, the same exercise. */
    public Exercise make(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + ordinal() * 7919L + n);
        return generator.apply(rnd, n);
    }
}
