package dev.vitrine.lab.quiz;

import java.util.Locale;
import java.util.SplittableRandom;

/** The kinds of exercise, each a generator from a random source (seeded, so repeatable). */
public enum Topic {
    SPLIT("split an address into its fields; count pages", MemoryExercises::split),
    TRANSLATE("walk a page table in memory to a physical address or a fault", MemoryExercises::translate),
    TABLESIZE("single- and multi-level page table sizes", MemoryExercises::tableSize),
    TLB("TLB hits and misses on a page sequence", SimExercises::tlb),
    REPLACE("page faults of a replacement policy", SimExercises::replace),
    SCHED("scheduling: turnaround and response times", SimExercises::sched),
    SEGMENT("base and bounds, or segments growing up and down: physical address or violation", ImageExercises::segment),
    MEMDUMP("a dumped physical memory and a PDBR: translate addresses through the tables in it", ImageExercises::memdump);

    public final String summary;
    /** Makes an exercise from a seeded source and the teacher's choices. */
    interface Generator {
        Exercise make(SplittableRandom rnd, QuizOptions options);
    }

    private final Generator generator;

    Topic(String summary, Generator generator) {
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
    public Exercise make(long seed, int n) { return make(seed, n, QuizOptions.DEFAULT); }

    /** The same seed, options and number give the same exercise; the default options give the exercises they always gave. */
    public Exercise make(long seed, int n, QuizOptions options) {
        SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + ordinal() * 7919L + n);
        return generator.make(rnd, options);
    }
}
