package dev.vitrine.sys;

import dev.vitrine.mm.UserMemory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Strings and buffers as strace(1) quotes them: C escapes, octal for other bytes, cut at 32 bytes with "...". */
final class StraceText {
    private StraceText() {}

    /** A path or other NUL-terminated string, whole (strace's printpath: up to PATH_MAX). */
    static String path(UserMemory m, long va) {
        if (va == 0) return "NULL";
        String s = m == null ? null : m.readCString(va, 4096);
        if (s == null) return StraceStructs.ptr(va);
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return quote(b, b.length, Integer.MAX_VALUE);
    }

    /** A buffer of {@code len} bytes, its first 32 shown. */
    static String buf(UserMemory m, long va, long len) {
        if (len <= 0) return "\"\"";
        byte[] b = new byte[(int) Math.min(len, StraceStructs.MAX_SHOWN)];
        if (m == null || !m.read(va, b, 0, b.length)) return StraceStructs.ptr(va);
        return quote(b, len, StraceStructs.MAX_SHOWN);
    }

    /** A buffer shown byte by byte in hex, as strace does for getrandom: "\x9d\x74". */
    static String hexBuf(UserMemory m, long va, long len) {
        if (len <= 0) return "\"\"";
        byte[] b = new byte[(int) Math.min(len, StraceStructs.MAX_SHOWN)];
        if (m == null || !m.read(va, b, 0, b.length)) return StraceStructs.ptr(va);
        StringBuilder sb = new StringBuilder("\"");
        for (byte x : b) sb.append(String.format("\\x%02x", x & 0xff));
        sb.append('"');
        if (len > StraceStructs.MAX_SHOWN) sb.append("...");
        return sb.toString();
    }

    /** An iovec array: [{iov_base="...", iov_len=5}, ...]; {@code total} bytes are shown across the buffers. */
    static String iov(UserMemory m, long va, long count, long total) {
        List<String> parts = new ArrayList<>();
        long left = total;
        for (int i = 0; i < Math.min(count, StraceStructs.MAX_SHOWN); i++) {
            Long base = m == null ? null : m.readLong(va + 16L * i);
            Long len = m == null ? null : m.readLong(va + 16L * i + 8);
            if (base == null || len == null) return StraceStructs.ptr(va);
            long shown = Math.max(0, Math.min(len, left));
            left -= shown;
            parts.add("{iov_base=" + buf(m, base, shown) + ", iov_len=" + Long.toUnsignedString(len) + "}");
        }
        return "[" + String.join(", ", parts) + (count > StraceStructs.MAX_SHOWN ? ", ..." : "") + "]";
    }

    /**
     * strace's string_quote: printable ASCII as is, \" \\ and the C escapes \t \n \v \f \r, any
     * other byte in octal, shortest unless an octal digit follows ("\0011"); "..." when the
     * {@code total} bytes were more than {@code max}.
     */
    static String quote(byte[] b, long total, int max) {
        StringBuilder sb = new StringBuilder("\"");
        int n = (int) Math.min(b.length, Math.min(total, max));
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case 0x0b -> sb.append("\\v");
                case '\f' -> sb.append("\\f");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c >= 0x20 && c < 0x7f) sb.append((char) c);
                    else {
                        boolean digitNext = i + 1 < n && b[i + 1] >= '0' && b[i + 1] <= '7';
                        sb.append('\\').append(digitNext ? String.format("%03o", c) : Integer.toOctalString(c));
                    }
                }
            }
        }
        sb.append('"');
        if (total > max) sb.append("...");
        return sb.toString();
    }
}
