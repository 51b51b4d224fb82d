package dev.vitrine.sys;

import dev.vitrine.abi.Errno;

/**
 * How a write to a numeric /proc/sys file is read (kernel/sysctl.c's __do_proc_dointvec and
 * proc_get_long): up to so many numbers, each an optional '-' then strtoul's base 0 (0x hex, 0
 * octal), at most 20 characters, ended by a space, tab or newline or the end; blanks around
 * them are skipped. Each number is handed on as it is read, so the ones before a bad one stay.
 */
final class SysctlText {
    private SysctlText() {}

    /** One number: its index, sign and magnitude; 0 or -errno (which ends the write). */
    interface Conv { long accept(int index, boolean negative, long magnitude); }

    private static final int TMPBUFLEN = 22;

    /** The bytes taken (all but trailing junk), or -errno: EINVAL for a write with no number or a bad one. */
    static long parse(byte[] b, int max, Conv conv) {
        int p = 0, left = b.length;
        boolean first = true;
        long err = 0;
        for (int i = 0; left > 0 && i < max; i++, first = false) {
            while (left > 0 && space(b[p])) { p++; left--; }
            if (left == 0) break;
            long[] got = number(b, p, left);
            if (got == null) { err = -Errno.EINVAL; break; }
            err = conv.accept(i, got[1] != 0, got[0]);
            if (err != 0) break;
            p += (int) got[2];
            left -= (int) got[2];
        }
        if (err == 0) while (left > 0 && space(b[p])) { p++; left--; }
        if (first) return err != 0 ? err : -Errno.EINVAL;
        return err != 0 ? err : b.length - left;
    }

    /** proc_get_long: {magnitude, negative, length} or null for EINVAL. */
    private static long[] number(byte[] b, int at, int size) {
        int len = Math.min(size, TMPBUFLEN - 1), p = at, end = at + len;
        boolean neg = b[p] == '-' && size > 1;
        if (neg) p++;
        if (p >= end || !digit(b[p])) return null;
        int base = 10;
        if (b[p] == '0') {
            base = p + 2 < end && (b[p + 1] | 0x20) == 'x' && Character.digit(b[p + 2], 16) >= 0 ? 16 : 8;
            if (base == 16) p += 2;
        }
        long v = 0;
        for (; p < end && Character.digit(b[p], base) >= 0; p++) {
            int d = Character.digit(b[p], base);
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, base)) > 0) return null;   // strtoul's ERANGE
            v = v * base + d;
        }
        int n = p - at;
        if (n == TMPBUFLEN - 1) return null;
        if (n < size && b[p] != ' ' && b[p] != '\t' && b[p] != '\n') return null;
        return new long[] {v, neg ? 1 : 0, n};
    }

    private static boolean digit(byte c) { return c >= '0' && c <= '9'; }

    private static boolean space(byte c) { return c == ' ' || c == '\t' || c == '\n' || c == 0x0b || c == '\f' || c == '\r'; }

    /** proc_int_conv: a signed int, then within [min, max] (proc_dointvec_minmax); EINVAL otherwise. */
    static long toInt(boolean negative, long magnitude, long min, long max, java.util.function.IntConsumer set) {
        if (Long.compareUnsigned(magnitude, negative ? 1L + Integer.MAX_VALUE : Integer.MAX_VALUE) > 0) return -Errno.EINVAL;
        long v = negative ? -magnitude : magnitude;
        if (v < min || v > max) return -Errno.EINVAL;
        set.accept((int) v);
        return 0;
    }
}
