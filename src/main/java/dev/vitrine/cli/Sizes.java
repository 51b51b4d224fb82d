package dev.vitrine.cli;

/** Sizes as people write them: 4096, 64K, 256M, 1G, 2T. */
final class Sizes {
    private Sizes() {}

    /** The bytes {@code s} names; {@code option} names the option in the one-line error. */
    static long parse(String s, String option) {
        // By hand, not with regular expressions: compiling two patterns was 2 % of `vitrine run hello`.
        String t = s.trim().toUpperCase();
        if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
        long mult = 1;
        if (t.endsWith("K")) mult = 1L << 10;
        else if (t.endsWith("M")) mult = 1L << 20;
        else if (t.endsWith("G")) mult = 1L << 30;
        else if (t.endsWith("T")) mult = 1L << 40;
        if (mult != 1) t = t.substring(0, t.length() - 1);
        try {
            if (t.isEmpty() || t.length() > 19) throw new NumberFormatException();
            for (int i = 0; i < t.length(); i++) if (t.charAt(i) < '0' || t.charAt(i) > '9') throw new NumberFormatException();
            return Math.multiplyExact(Long.parseLong(t), mult);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(option + " " + s + ": expected a size such as 4096, 64K, 256M or 1G");
        }
    }

    /** 1536M, 2G, 4K, or bytes: the shortest exact form. */
    static String format(long bytes) {
        String[] units = {"T", "G", "M", "K"};
        for (int i = 0; i < units.length; i++) {
            long unit = 1L << (10 * (4 - i));
            if (bytes >= unit && bytes % unit == 0) return bytes / unit + units[i];
        }
        return Long.toString(bytes);
    }
}
