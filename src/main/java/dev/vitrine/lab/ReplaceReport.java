package dev.vitrine.lab;

import dev.vitrine.trace.Json;

import dev.vitrine.mm.replace.PolicyKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text and JSON forms of replacement runs and sweeps. */
public final class ReplaceReport {
    private ReplaceReport() {}

    public static String text(ReplaceSim.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s with %d frame%s, %d references%n", r.policy().label(), r.frames(),
                r.frames() == 1 ? "" : "s", r.references()));
        boolean clock = r.policy() == PolicyKind.CLOCK;
        if (!r.steps().isEmpty()) {
            int digits = 1;
            for (ReplaceSim.Step st : r.steps()) digits = Math.max(digits, Long.toString(st.page()).length());
            int cellWidth = digits + (clock ? 1 : 0) + 2; // the page, its bit, brackets for the frame just filled
            int width = Math.max(6, (cellWidth + 1) * r.frames());
            s.append(String.format(Locale.ROOT, "  %5s %8s  %-5s %-" + width + "s  %s%n", "ref", "page", "", "frames", "evicted (why)"));
            for (ReplaceSim.Step st : r.steps()) {
                StringBuilder fr = new StringBuilder();
                for (int f = 0; f < st.resident().length; f++) {
                    // Clock's decisions hang on the referenced bits, so its listing shows them as '*'.
                    String cell = st.resident()[f] < 0 ? "." : st.resident()[f] + (clock && st.referenced()[f] ? "*" : "");
                    String boxed = f == st.frame() && !st.hit() ? "[" + cell + "]" : " " + cell + " ";
                    fr.append(boxed).append(" ".repeat(cellWidth + 1 - boxed.length()));
                }
                String ev = st.hit() ? "" : st.evicted() < 0 ? "(" + st.why() + ")" : st.evicted() + ": " + st.why();
                s.append(String.format(Locale.ROOT, "  %5d %8d  %-5s %-" + width + "s  %s%n",
                        st.index() + 1, st.page(), st.hit() ? "hit" : "MISS", fr.toString().stripTrailing(), ev).stripTrailing()
                        + System.lineSeparator());
            }
            if (r.steps().size() < r.references())
                s.append("  ... (").append(r.references() - r.steps().size()).append(" more references not shown)\n");
            if (clock) s.append("  (* marks a page whose referenced bit is set)\n");
        }
        s.append(String.format(Locale.ROOT, "%d faults, %d hits, hit rate %s%n", r.faults(), r.hits(), Sizes.percent(r.hitRate())));
        return s.toString();
    }

    public static Map<String, Object> json(ReplaceSim.Result r) {
        Map<String, Object> o = Json.object();
        o.put("policy", r.policy().label());
        o.put("frames", r.frames());
        o.put("references", r.references());
        o.put("faults", r.faults());
        o.put("hits", r.hits());
        o.put("hitRate", r.hitRate());
        if (!r.steps().isEmpty()) {
            List<Object> steps = new ArrayList<>();
            for (ReplaceSim.Step st : r.steps()) {
                Map<String, Object> j = Json.object();
                j.put("page", st.page());
                j.put("hit", st.hit());
                j.put("frame", st.frame());
                if (st.evicted() >= 0) {
                    j.put("evicted", st.evicted());
                    j.put("why", st.why());
                }
                j.put("resident", st.resident());
                if (r.policy() == PolicyKind.CLOCK) {
                    List<Object> bits = new ArrayList<>();
                    for (boolean b : st.referenced()) bits.add(b);
                    j.put("referenced", bits);
                }
                steps.add(j);
            }
            o.put("steps", steps);
        }
        return o;
    }

    public static String text(ReplaceSweep.Result sw) {
        StringBuilder s = new StringBuilder("faults (hit rate) by frame count\n");
        s.append(String.format(Locale.ROOT, "%7s", "frames"));
        for (PolicyKind p : sw.policies()) s.append(String.format(Locale.ROOT, " %16s", p.label()));
        s.append('\n');
        for (int n = sw.minFrames(); n <= sw.maxFrames(); n++) {
            s.append(String.format(Locale.ROOT, "%7d", n));
            for (PolicyKind p : sw.policies()) {
                ReplaceSim.Result r = sw.get(p, n);
                s.append(String.format(Locale.ROOT, " %16s", r.faults() + " (" + Sizes.percent(r.hitRate()) + ")"));
            }
            s.append('\n');
        }
        for (ReplaceSweep.Anomaly a : sw.anomalies()) s.append(a.describe()).append('\n');
        return s.toString();
    }

    public static Map<String, Object> json(ReplaceSweep.Result sw) {
        Map<String, Object> o = Json.object();
        List<Object> rows = new ArrayList<>();
        for (ReplaceSim.Result r : sw.runs()) rows.add(json(r));
        o.put("results", rows);
        List<Object> an = new ArrayList<>();
        for (ReplaceSweep.Anomaly a : sw.anomalies()) {
            Map<String, Object> j = Json.object();
            j.put("policy", a.policy().label());
            j.put("frames", a.frames());
            j.put("faults", a.faults());
            j.put("moreFrames", a.moreFrames());
            j.put("moreFaults", a.moreFaults());
            an.add(j);
        }
        o.put("anomalies", an);
        return o;
    }

    public static String svg(ReplaceSweep.Result sw, String title) {
        int n = sw.maxFrames() - sw.minFrames() + 1;
        long[] x = new long[n];
        for (int i = 0; i < n; i++) x[i] = sw.minFrames() + i;
        List<SvgChart.Series> series = new ArrayList<>();
        for (PolicyKind p : sw.policies()) {
            double[] y = new double[n];
            for (int i = 0; i < n; i++) y[i] = 100 * sw.get(p, sw.minFrames() + i).hitRate();
            series.add(new SvgChart.Series(p.label(), y));
        }
        // One note per point: policies with the same anomaly at the same size share it.
        Map<String, SvgChart.Note> notes = new java.util.LinkedHashMap<>();
        for (ReplaceSweep.Anomaly a : sw.anomalies()) {
            String at = a.moreFrames() + "/" + a.moreFaults();
            SvgChart.Note old = notes.get(at);
            notes.put(at, new SvgChart.Note(old != null ? old.series() : sw.policies().indexOf(a.policy()), a.moreFrames() - sw.minFrames(),
                    (old != null ? old.text() + ", " : "Belady: ") + a.policy().label()));
        }
        return SvgChart.lines(title, "frames", "hit rate (%)", x, series, 100, List.copyOf(notes.values()));
    }
}
