package dev.vitrine.lab.sched;

import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A schedule as a text Gantt chart with its measures, as JSON, and as an SVG Gantt chart. */
public final class SchedReport {
    private SchedReport() {}

    static final int WIDTH = 100;

    public static String text(Schedule s) {
        StringBuilder b = new StringBuilder(s.policy().label()).append('\n');
        b.append(gantt(s));
        b.append("  timeline:");
        for (Schedule.Segment seg : s.timeline()) b.append(' ').append(seg.job() == null ? "idle" : seg.job()).append(' ').append(seg.start()).append('-').append(seg.end()).append(',');
        b.setLength(b.length() - 1);
        b.append("\n\n");
        b.append(String.format(Locale.ROOT, "  %-8s %7s %7s %7s %7s %10s %10s %8s%n", "job", "arrival", "length", "start", "finish", "turnaround", "response", "waiting"));
        for (Schedule.JobStats j : s.stats())
            b.append(String.format(Locale.ROOT, "  %-8s %7d %7d %7d %7d %10d %10d %8d%n", j.job().name(), j.job().arrival(), j.job().length(),
                    j.firstRun(), j.completion(), j.turnaround(), j.response(), j.waiting()));
        b.append(String.format(Locale.ROOT, "  %-8s %7s %7s %7s %7s %10s %10s %8s%n", "average", "", "", "", "",
                num(s.avgTurnaround()), num(s.avgResponse()), num(s.avgWaiting())));
        b.append(String.format(Locale.ROOT, "  throughput %s jobs per time unit (%d jobs in %d), CPU utilization %.2f%%, %d switches%n",
                new java.math.BigDecimal(s.throughput()).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString(),
                s.jobs().size(), s.end() - s.start(), 100 * s.utilization(), s.switches()));
        b.append("  turnaround = finish - arrival; response = first run - arrival; waiting = turnaround - length\n");
        return b.toString();
    }

    /** One character per time unit (or per bucket when the schedule is longer than the chart). */
    static String gantt(Schedule s) {
        long end = s.end();
        long unit = Math.max(1, (end + WIDTH - 1) / WIDTH);
        Map<String, Character> sym = symbols(s.jobs());
        StringBuilder bar = new StringBuilder();
        for (long t = 0; t < end; t += unit) bar.append(symbol(s, sym, t, Math.min(end, t + unit)));
        StringBuilder scale = new StringBuilder();
        for (int c = 0; c < bar.length(); c += 10) {
            String label = Long.toString(c * unit);
            scale.append(label).append(" ".repeat(Math.max(1, 10 - label.length())));
        }
        String legend = unit == 1 ? "one column per time unit" : "one column per " + unit + " time units";
        StringBuilder key = new StringBuilder();
        for (Job j : s.jobs()) if (!j.name().equals(String.valueOf(sym.get(j.name())))) key.append(' ').append(sym.get(j.name())).append('=').append(j.name());
        return "  |" + bar + "|  (" + legend + ", '.' idle" + (key.length() > 0 ? ";" + key : "") + ")\n   " + scale.toString().stripTrailing() + "\n";
    }

    /** Each job's first letter when those are all different, else A, B, C... in list order. */
    static Map<String, Character> symbols(List<Job> jobs) {
        Map<String, Character> m = new java.util.LinkedHashMap<>();
        java.util.Set<Character> firsts = new java.util.HashSet<>();
        boolean distinct = true;
        for (Job j : jobs) distinct &= firsts.add(j.name().charAt(0)) && j.name().charAt(0) != '.';
        for (int i = 0; i < jobs.size(); i++)
            m.put(jobs.get(i).name(), distinct ? jobs.get(i).name().charAt(0) : i < 26 ? (char) ('A' + i) : i < 52 ? (char) ('a' + i - 26) : '#');
        return m;
    }

    /** The job that ran most in [from, to): its name's first letter (or its index), '.' for idle. */
    private static char symbol(Schedule s, Map<String, Character> sym, long from, long to) {
        String best = null;
        long most = 0;
        for (Schedule.Segment seg : s.timeline()) {
            long overlap = Math.min(seg.end(), to) - Math.max(seg.start(), from);
            if (overlap > most) {
                most = overlap;
                best = seg.job();
            }
        }
        return best == null ? '.' : sym.get(best);
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    public static Map<String, Object> json(Schedule s) {
        Map<String, Object> o = Json.object();
        o.put("policy", s.policy().label());
        List<Object> tl = new ArrayList<>();
        for (Schedule.Segment seg : s.timeline()) {
            Map<String, Object> j = Json.object();
            j.put("job", seg.job());
            j.put("start", seg.start());
            j.put("end", seg.end());
            tl.add(j);
        }
        o.put("timeline", tl);
        List<Object> jobs = new ArrayList<>();
        for (Schedule.JobStats st : s.stats()) {
            Map<String, Object> j = Json.object();
            j.put("name", st.job().name());
            j.put("arrival", st.job().arrival());
            j.put("length", st.job().length());
            j.put("priority", st.job().priority());
            j.put("start", st.firstRun());
            j.put("finish", st.completion());
            j.put("turnaround", st.turnaround());
            j.put("response", st.response());
            j.put("waiting", st.waiting());
            jobs.add(j);
        }
        o.put("jobs", jobs);
        o.put("avgTurnaround", s.avgTurnaround());
        o.put("avgResponse", s.avgResponse());
        o.put("avgWaiting", s.avgWaiting());
        o.put("throughput", s.throughput());
        o.put("utilization", s.utilization());
        o.put("switches", s.switches());
        return o;
    }

    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"};

    /** One row per job, a bar for each stretch it ran, a time axis below. */
    public static String svg(Schedule s) {
        int left = 80, top = 40, row = 28, width = 640;
        int h = top + row * s.jobs().size() + 50;
        double scale = (double) (width - left - 20) / Math.max(1, s.end());
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">%s</text>%n", width / 2, esc(s.policy().label())));
        for (int i = 0; i < s.jobs().size(); i++) {
            Job j = s.jobs().get(i);
            int y = top + i * row;
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 18, esc(j.name())));
            for (Schedule.Segment seg : s.timeline())
                if (j.name().equals(seg.job()))
                    b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %d-%d</title></rect>%n",
                            left + seg.start() * scale, y + 4, (seg.end() - seg.start()) * scale, row - 8, COLORS[i % COLORS.length],
                            esc(j.name()), seg.start(), seg.end()));
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
                    left + j.arrival() * scale, y + 2, left + j.arrival() * scale, y + row - 2));
        }
        int axis = top + row * s.jobs().size() + 5;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", left, axis, left + s.end() * scale, axis));
        long step = Math.max(1, niceStep(s.end()));
        for (long t = 0; t <= s.end(); t += step)
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", left + t * scale, axis + 16, t));
        return b.append("</svg>\n").toString();
    }

    private static long niceStep(long end) {
        long raw = Math.max(1, end / 10);
        long p = 1;
        while (p * 10 <= raw) p *= 10;
        return raw >= 5 * p ? 5 * p : raw >= 2 * p ? 2 * p : p;
    }

    private static String esc(String t) { return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
