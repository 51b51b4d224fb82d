package dev.vitrine.cli;

/** Sizes as people write them: 4096, 64K, 256M, 1G. */
final class Sizes {
    private Sizes() {}

    static long parse(String s) {
        String t = s.trim().toUpperCase().replaceFirst("I?B$", "");
        long mult = 1;
        if (t.endsWith("K")) mult = 1L << 10;
        else if (t.endsWith("M")) mult = 1L << 20;
        else if (t.endsWith("G")) mult = 1L << 30;
        if (mult != 1) t = t.substring(0, t.length() - 1);
        try {
            long v = Long.parseLong(t);
            if (v < 0) throw new NumberFormatException();
            return Math.multiplyExact(v, mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("bad size '" + s + "': expected a number with an optional K, M or G");
        }
    }
}
