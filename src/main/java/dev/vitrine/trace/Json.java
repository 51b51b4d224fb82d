package dev.vitrine.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer (no dependency): maps keep their insertion order, so the lab's
 * objects print their fields in the order a reader expects. Values: Map, List, long[],
 * int[], String, Number, Boolean, null.
 */
public final class Json {
    private Json() {}

    /** An ordered object to fill with {@code put}. */
    public static Map<String, Object> object() { return new LinkedHashMap<>(); }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object v) {
        if (v == null) out.append("null");
        else if (v instanceof String s) string(out, s);
        else if (v instanceof Double d) out.append(d.isNaN() || d.isInfinite() ? "null" : number(d));
        else if (v instanceof Float f) write(out, f.doubleValue());
        else if (v instanceof Number || v instanceof Boolean) out.append(v);
        else if (v instanceof Character c) string(out, c.toString());
        else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) out.append(',');
                first = false;
                string(out, String.valueOf(e.getKey()));
                out.append(':');
                write(out, e.getValue());
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) out.append(',');
                write(out, l.get(i));
            }
            out.append(']');
        } else if (v instanceof long[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) out.append(i > 0 ? "," : "").append(a[i]);
            out.append(']');
        } else if (v instanceof int[] a) {
            out.append('[');
            for (int i = 0; i < a.length; i++) out.append(i > 0 ? "," : "").append(a[i]);
            out.append(']');
        } else string(out, v.toString());
    }

    /** Whole numbers without a fraction, others rounded to 6 places: stable, readable output. */
    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return new java.math.BigDecimal(d).setScale(6, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
