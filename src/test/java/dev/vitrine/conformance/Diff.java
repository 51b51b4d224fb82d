package dev.vitrine.conformance;

/** Small text helpers for readable failure messages on outputs of thousands of lines. */
public final class Diff {
    private Diff() {}

    /** null if equal; otherwise a description of the first differing line with a little context. */
    public static String firstDifference(String what, String expected, String actual) {
        if (expected.equals(actual)) return null;
        String[] e = expected.split("\n", -1), a = actual.split("\n", -1);
        int n = Math.min(e.length, a.length), i = 0;
        while (i < n && e[i].equals(a[i])) i++;
        StringBuilder sb = new StringBuilder();
        sb.append(what).append(" differs at line ").append(i + 1).append(" (qemu: ").append(e.length - 1)
                .append(" lines, ").append(expected.length()).append(" chars; vitrine: ").append(a.length - 1)
                .append(" lines, ").append(actual.length()).append(" chars)\n");
        for (int k = Math.max(0, i - 3); k < i; k++) sb.append("    ").append(clip(e[k])).append('\n');
        sb.append("  qemu:    ").append(i < e.length ? clip(e[i]) : "<end of output>").append('\n');
        sb.append("  vitrine: ").append(i < a.length ? clip(a[i]) : "<end of output>").append('\n');
        return sb.toString();
    }

    public static String tail(String s, int lines) {
        String[] l = s.split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int k = Math.max(0, l.length - lines); k < l.length; k++) sb.append("    ").append(clip(l[k])).append('\n');
        return sb.toString();
    }

    static String clip(String line) {
        String v = line.replace("\t", "\\t").replace("\r", "\\r");
        return v.length() > 300 ? v.substring(0, 300) + "..." : v;
    }
}
