package dev.vitrine.lab.quiz;

import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.mmu.Geometry;

import java.util.Locale;

/**
 * A teacher's choices for a quiz: a geometry for the memory topics (null: drawn), a policy
 * for the simulator topics (null: drawn), and how hard (sizes of the problem).
 */
public record QuizOptions(Geometry geometry, String policy, Difficulty difficulty) {
    public static final QuizOptions DEFAULT = new QuizOptions(null, null, Difficulty.MEDIUM);

    public enum Difficulty {
        EASY, MEDIUM, HARD;

        public String label() { return name().toLowerCase(Locale.ROOT); }

        public static Difficulty parse(String s) {
            for (Difficulty d : values()) if (d.label().equals(s.strip().toLowerCase(Locale.ROOT))) return d;
            throw new IllegalArgumentException("bad --difficulty '" + s + "': expected easy, medium or hard");
        }

        /** easy, medium, hard -> a, b, c. */
        public int pick(int easy, int medium, int hard) { return this == EASY ? easy : this == MEDIUM ? medium : hard; }
    }

    /** A preset (sv39, x86-32, ...) or VA_BITS:PAGE_SIZE[:LEVEL_BITS], e.g. "15:32:5,5" (OSTEP's) or "32:4K:10,10". */
    public static Geometry geometry(String spec) {
        if (spec == null) return null;
        String[] f = spec.strip().split(":");
        if (f.length == 1) return GeometrySpec.build(f[0], null, null, null, null, null);
        if (f.length > 3) throw new IllegalArgumentException("bad --geometry '" + spec + "': expected a preset or VA_BITS:PAGE_SIZE[:LEVEL,BITS]");
        try {
            return GeometrySpec.build(null, Integer.parseInt(f[0].strip()), f[1], f.length == 3 ? f[2] : null, null, null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad --geometry '" + spec + "': the address width is a number");
        }
    }

    public String policyOr(String drawn) { return policy != null ? policy : drawn; }
}
