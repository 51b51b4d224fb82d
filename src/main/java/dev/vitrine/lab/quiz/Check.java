package dev.vitrine.lab.quiz;

/**
 * One fact a correct answer states, in the order the answer states it: a number (an
 * address, a count, a time; {@code tolerance} for averages given to two places) or a word
 * (fault, minor, major).
 */
public record Check(String label, String expected, double tolerance) {
    public static Check of(String label, long v) { return new Check(label, Long.toString(v), 0); }
    public static Check hex(String label, long v) { return new Check(label, "0x" + Long.toHexString(v), 0); }
    public static Check average(String label, double v) { return new Check(label, String.format(java.util.Locale.ROOT, "%.2f", v), 0.006); }
    public static Check word(String label, String w) { return new Check(label, w, 0); }
}
