package dev.vitrine.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The lab's --csv: a command's JSON results as a table. Each result is a row of its scalar
 * fields; when it holds a list of objects under {@code nested} (a schedule's jobs, a sweep's
 * sizes), each of those is a row, its fields after the result's.
 */
public final class Csv {
    private Csv() {}

    public static String of(List<?> results, String nested) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object r : results) {
            if (!(r instanceof Map<?, ?> m)) continue;
            Map<String, Object> base = scalars(m, null);
            Object inner = nested == null ? null : m.get(nested);
            if (inner instanceof List<?> items && !items.isEmpty()) {
                for (Object it : items) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>(base);
                    if (it instanceof Map<?, ?> im) row.putAll(scalars(im, nested));
                    else row.put(nested, it);
                    rows.add(row);
                }
            } else {
                rows.add(base);
            }
        }
        Set<String> header = new LinkedHashSet<>();
        for (Map<String, Object> r : rows) header.addAll(r.keySet());
        StringBuilder b = new StringBuilder(String.join(",", header.stream().map(Csv::cell).toList())).append('\n');
        for (Map<String, Object> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : header) cells.add(r.containsKey(h) ? cell(r.get(h)) : "");
            b.append(String.join(",", cells)).append('\n');
        }
        return b.toString();
    }

    /** The scalar fields; a list of scalars becomes one cell joined by spaces. A clash with the parent's names is prefixed. */
    private static Map<String, Object> scalars(Map<?, ?> m, String prefix) {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            String k = String.valueOf(e.getKey());
            if (prefix != null && (k.equals("name") || k.equals("policy"))) k = prefix.replaceAll("s$", "") + "_" + k;
            if (v instanceof Map) continue;
            if (v instanceof List<?> l) {
                if (l.stream().anyMatch(x -> x instanceof Map || x instanceof List)) continue;
                o.put(k, String.join(" ", l.stream().map(String::valueOf).toList()));
            } else {
                o.put(k, v);
            }
        }
        return o;
    }

    private static String cell(Object v) {
        if (v == null) return "";
        String s = v instanceof Double d && d == Math.rint(d) && !d.isInfinite() ? Long.toString(d.longValue()) : String.valueOf(v);
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) return '"' + s.replace("\"", "\"\"") + '"';
        return s;
    }
}
