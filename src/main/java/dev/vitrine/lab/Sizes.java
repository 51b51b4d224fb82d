package dev.vitrine.lab;

import java.math.BigInteger;
import java.util.Locale;

/** Reading "4K" / "256" / "2MiB" and writing byte counts the way the chapter does ("4 MiB"). */
public final class Sizes {
    private Sizes() {}

    private static final String[] UNITS = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};

    /** A size with an optional K/M/G suffix (powers of 1024; "KiB", "KB", "k" all accepted). */
    public static long parse(String text, String what) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace("IB", "").replace("B", "");
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                default -> {}
            }
        }
        if (shift > 0) t = t.substring(0, t.length() - 1);
        try {
            long v = TraceReader.number(t);
            if (v <= 0 || Long.numberOfLeadingZeros(v) <= shift) throw new NumberFormatException();
            return v << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + text + "': expected a size such as 256, 4K or 2M");
        }
    }

    /** log2 of a size that must be a power of two. */
    public static int log2(long size, String what) {
        if (Long.bitCount(size) != 1) throw new IllegalArgumentException(what + " must be a power of two, not " + size);
        return Long.numberOfTrailingZeros(size);
    }

    /**
     * "4 MiB", "10 KiB", "4 MiB + 4 KiB" (never rounded to look exact: a remainder past two
     * units is shown with "≈"); past a TiB the decimal SI size follows, as the chapter's "40 petabytes".
     */
    public static String bytes(BigInteger n) {
        if (n.signum() == 0) return "0 bytes";
        int u = unit(n);
        BigInteger unit = BigInteger.ONE.shiftLeft(10 * u);
        BigInteger[] qr = n.divideAndRemainder(unit);
        String text = qr[0] + " " + UNITS[u];
        if (qr[1].signum() != 0) {
            int u2 = unit(qr[1]);
            BigInteger[] qr2 = qr[1].divideAndRemainder(BigInteger.ONE.shiftLeft(10 * u2));
            text = qr2[1].signum() == 0 ? text + " + " + qr2[0] + " " + UNITS[u2]
                    : "≈" + new java.math.BigDecimal(n).divide(new java.math.BigDecimal(unit), 3, java.math.RoundingMode.HALF_EVEN)
                            .stripTrailingZeros().toPlainString() + " " + UNITS[u];
        }
        if (u >= 4) text += String.format(Locale.ROOT, " (%.1f %s)", n.doubleValue() / Math.pow(1000, u), SI[u]);
        return text;
    }

    private static final String[] SI = {"bytes", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};

    private static int unit(BigInteger n) {
        int u = 0;
        while (u + 1 < UNITS.length && n.bitLength() > 10 * (u + 1)) u++;
        return u;
    }

    public static String bytes(long n) { return bytes(BigInteger.valueOf(n)); }

    /** "2^20" for a power of two, else the decimal number. */
    public static String pow2(BigInteger n) {
        return n.bitCount() == 1 ? "2^" + n.getLowestSetBit() : n.toString();
    }

    /** A count with thousands separators, for reading big numbers aloud. */
    public static String count(BigInteger n) { return String.format(Locale.ROOT, "%,d", n); }

    public static String hex(long v) { return "0x" + Long.toHexString(v); }

    public static String percent(double rate) { return String.format(Locale.ROOT, "%.2f%%", 100 * rate); }
}
