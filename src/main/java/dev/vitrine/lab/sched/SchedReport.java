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
        for (int c = 0; c < s.cpus(); c++) {
            b.append(s.cpus() > 1 ? "  timeline cpu" + c + ":" : "  timeline:");
            for (Schedule.Segment seg : s.timeline())
                if (seg.cpu() == c) b.append(' ').append(seg.job() == null ? "idle" : seg.job()).append(' ').append(seg.start()).append('-').append(seg.end()).append(',');
            b.setLength(b.length() - 1);
            b.append('\n');
        }
        b.append('\n');
        boolean io = s.stats().stream().anyMatch(j -> j.ioTime() > 0), ran = s.stats().stream().anyMatch(j -> j.cpuTime() != j.job().length());
        b.append(String.format(Locale.ROOT, "  %-8s %7s %7s %7s %7s %10s %10s %8s%s%s%n", "job", "arrival", "length", "start", "finish", "turnaround", "response", "waiting",
                ran ? String.format(Locale.ROOT, " %8s", "on cpu") : "", io ? String.format(Locale.ROOT, " %8s", "in i/o") : ""));
        for (Schedule.JobStats j : s.stats())
            b.append(String.format(Locale.ROOT, "  %-8s %7d %7d %7d %7d %10d %10d %8d%s%s%n", j.job().name(), j.job().arrival(), j.job().length(),
                    j.firstRun(), j.completion(), j.turnaround(), j.response(), j.waiting(),
                    ran ? String.format(Locale.ROOT, " %8d", j.cpuTime()) : "", io ? String.format(Locale.ROOT, " %8d", j.ioTime()) : ""));
        b.append(String.format(Locale.ROOT, "  %-8s %7s %7s %7s %7s %10s %10s %8s%n", "average", "", "", "", "",
                num(s.avgTurnaround()), num(s.avgResponse()), num(s.avgWaiting())));
        b.append(String.format(Locale.ROOT, "  throughput %s jobs per time unit (%d jobs in %d), CPU utilization %.2f%%, %d switches%n",
                new java.math.BigDecimal(s.throughput()).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString(),
                s.jobs().size(), s.end() - s.start(), 100 * s.utilization(), s.switches()));
        b.append("  turnaround = finish - arrival; response = first run - arrival; waiting = turnaround - ")
                .append(ran ? "time on a CPU" : "length").append(io ? " - time in I/O" : "").append('\n');
        int shown = 0;
        for (String note : s.notes()) {
            if (shown++ == MAX_NOTES) {
                b.append("  ... ").append(s.notes().size() - MAX_NOTES).append(" more (all of them in --json)\n");
                break;
            }
            b.append("  ").append(note).append('\n');
        }
        return b.toString();
    }

    /** Policy notes (lottery draws, stride passes) listed in the text; --json has all. */
    static final int MAX_NOTES = 20;
    /** Up to this long, a schedule that does not fit one line is wrapped one column per unit rather than bucketed. */
    static final long MAX_WRAP = 2000;

    /** The Gantt chart of one schedule: a bar per CPU. */
    static String gantt(Schedule s) {
        long unit = unit(List.of(s));
        Map<String, Character> sym = symbols(s.jobs());
        List<String> labels = new ArrayList<>();
        List<char[]> bars = new ArrayList<>();
        for (int c = 0; c < s.cpus(); c++) {
            labels.add(s.cpus() > 1 ? "cpu" + c : "");
            bars.add(columns(s, c, unit, s.end(), sym));
        }
        return chart(labels, bars, unit, key(s.jobs(), sym));
    }

    /** Several policies' charts on one scale, one under the other. */
    public static String sideBySide(List<Schedule> runs) {
        long unit = unit(runs);
        long end = runs.stream().mapToLong(Schedule::end).max().orElse(0);
        Map<String, Character> sym = symbols(runs.get(0).jobs());
        List<String> labels = new ArrayList<>();
        List<char[]> bars = new ArrayList<>();
        for (Schedule s : runs) {
            String name = s.policy().label();
            name = name.contains(" (") ? name.substring(0, name.indexOf(" (")) : name;
            for (int c = 0; c < s.cpus(); c++) {
                labels.add(s.cpus() > 1 ? name + " cpu" + c : name);
                bars.add(columns(s, c, unit, end, sym));
            }
        }
        return "side by side\n" + chart(labels, bars, unit, key(runs.get(0).jobs(), sym));
    }

    /**
     * Time units per column: 1 when the chart fits a line; else the smallest unit that every
     * segment boundary is a multiple of (no column mixes two jobs); else 1 and the chart
     * wraps (up to MAX_WRAP units); else buckets where a mixed one shows '*'.
     */
    static long unit(List<Schedule> runs) {
        long end = runs.stream().mapToLong(Schedule::end).max().orElse(0);
        if (end <= WIDTH) return 1;
        long u0 = (end + WIDTH - 1) / WIDTH;
        for (long u = u0; u <= 4 * u0; u++) {
            final long uu = u;
            boolean aligned = runs.stream().allMatch(s -> s.end() % uu == 0 && s.timeline().stream().allMatch(g -> g.start() % uu == 0 && g.end() % uu == 0));
            if (aligned) return u;
        }
        return end <= MAX_WRAP ? 1 : u0;
    }

    private static char[] columns(Schedule s, int cpu, long unit, long end, Map<String, Character> sym) {
        int n = (int) ((end + unit - 1) / unit);
        char[] col = new char[n];
        java.util.Arrays.fill(col, ' ');
        for (int i = 0; i < (s.end() + unit - 1) / unit; i++) col[i] = '.';
        for (Schedule.Segment seg : s.timeline()) {
            if (seg.cpu() != cpu || seg.job() == null) continue;
            char c = sym.get(seg.job());
            for (long i = seg.start() / unit; i < (seg.end() + unit - 1) / unit && i < n; i++)
                col[(int) i] = col[(int) i] == '.' || col[(int) i] == c ? c : '*';
        }
        return col;
    }

    private static String chart(List<String> labels, List<char[]> bars, long unit, String key) {
        int lw = labels.stream().mapToInt(String::length).max().orElse(0);
        int cols = bars.stream().mapToInt(b -> b.length).max().orElse(0);
        boolean mixed = bars.stream().anyMatch(b -> new String(b).indexOf('*') >= 0);
        String legend = (unit == 1 ? "one column per time unit" : "one column per " + unit + " time units") + ", '.' idle"
                + (mixed ? ", '*' several jobs" : "") + (key.isEmpty() ? "" : ";" + key);
        String pad = lw > 0 ? " ".repeat(lw + 1) : "";
        StringBuilder out = new StringBuilder();
        for (int from = 0; from < Math.max(1, cols); from += WIDTH) {
            int to = Math.min(cols, from + WIDTH);
            for (int i = 0; i < bars.size(); i++) {
                String label = lw > 0 ? String.format(Locale.ROOT, "%-" + lw + "s ", labels.get(i)) : "";
                String bar = new String(bars.get(i), from, Math.max(0, Math.min(to, bars.get(i).length) - from));
                if (bar.length() < to - from) bar += " ".repeat(to - from - bar.length());
                out.append("  ").append(label).append('|').append(bar).append('|');
                if (from == 0 && i == 0) out.append("  (").append(legend).append(')');
                out.append('\n');
            }
            StringBuilder scale = new StringBuilder();
            for (int c = from; c < to; c += 10) {
                String l = Long.toString(c * unit);
                scale.append(l).append(" ".repeat(Math.max(1, 10 - l.length())));
            }
            out.append("   ").append(pad).append(scale.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String key(List<Job> jobs, Map<String, Character> sym) {
        StringBuilder key = new StringBuilder();
        for (Job j : jobs) if (!j.name().equals(String.valueOf(sym.get(j.name())))) key.append(' ').append(sym.get(j.name())).append('=').append(j.name());
        return key.toString();
    }

    /** Each job's first letter when those are all different, else A, B, C... in list order. */
    static Map<String, Character> symbols(List<Job> jobs) {
        Map<String, Character> m = new java.util.LinkedHashMap<>();
        java.util.Set<Character> firsts = new java.util.HashSet<>();
        boolean distinct = true;
        for (Job j : jobs) distinct &= firsts.add(j.name().charAt(0)) && j.name().charAt(0) != '.' && j.name().charAt(0) != '*';
        for (int i = 0; i < jobs.size(); i++)
            m.put(jobs.get(i).name(), distinct ? jobs.get(i).name().charAt(0) : i < 26 ? (char) ('A' + i) : i < 52 ? (char) ('a' + i - 26) : '#');
        return m;
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
            j.put("cpu", seg.cpu());
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
            if (st.job().tickets() != Job.DEFAULT_TICKETS || s.policy() instanceof SchedPolicy.Lottery || s.policy() instanceof SchedPolicy.Stride) j.put("tickets", st.job().tickets());
            if (st.job().ioFreq() > 0) j.put("ioFreq", st.job().ioFreq());
            if (st.job().workingSet() > 0) j.put("workingSet", st.job().workingSet());
            if (st.cpuTime() != st.job().length()) j.put("cpuTime", st.cpuTime());
            if (st.ioTime() > 0) j.put("ioTime", st.ioTime());
            jobs.add(j);
        }
        o.put("jobs", jobs);
        o.put("avgTurnaround", s.avgTurnaround());
        o.put("avgResponse", s.avgResponse());
        o.put("avgWaiting", s.avgWaiting());
        o.put("throughput", s.throughput());
        o.put("utilization", s.utilization());
        o.put("switches", s.switches());
        if (s.cpus() > 1) o.put("cpus", s.cpus());
        if (!s.notes().isEmpty()) o.put("notes", s.notes());
        return o;
    }

    private static final String[] COLORS = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"};

    public static String svg(Schedule s) { return svg(List.of(s)); }

    /**
     * Every policy's Gantt chart, one panel under the other on one time scale: a row per job
     * (a row per CPU on several CPUs, each bar named by its job), a mark at each arrival.
     */
    public static String svg(List<Schedule> runs) {
        int left = 110, row = 28, width = 720, title = 24;
        long end = runs.stream().mapToLong(Schedule::end).max().orElse(1);
        double scale = (double) (width - left - 20) / Math.max(1, end);
        int h = 20;
        for (Schedule s : runs) h += title + row * rows(s) + 10;
        h += 30;
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(h)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        int y0 = 20;
        for (Schedule s : runs) {
            b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"14\">%s</text>%n", 10, y0 + 14, esc(s.policy().label())));
            int top = y0 + title;
            boolean perCpu = s.cpus() > 1;
            for (int r = 0; r < rows(s); r++) {
                int y = top + r * row;
                String label = perCpu ? "CPU " + r : s.jobs().get(r).name();
                b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", left - 8, y + 18, esc(label)));
                for (Schedule.Segment seg : s.timeline()) {
                    if (seg.job() == null || (perCpu ? seg.cpu() != r : !s.jobs().get(r).name().equals(seg.job()))) continue;
                    int ji = index(s.jobs(), seg.job());
                    b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s %d-%d</title></rect>%n",
                            left + seg.start() * scale, y + 4, (seg.end() - seg.start()) * scale, row - 8, COLORS[ji % COLORS.length],
                            esc(seg.job()), seg.start(), seg.end()));
                    if (perCpu && (seg.end() - seg.start()) * scale >= 10)
                        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"white\">%s</text>%n",
                                left + (seg.start() + seg.end()) / 2.0 * scale, y + 18, esc(seg.job())));
                }
                if (!perCpu) {
                    double x = left + s.jobs().get(r).arrival() * scale;
                    b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", x, y + 2, x, y + row - 2));
                }
            }
            y0 = top + row * rows(s) + 10;
        }
        int axis = y0;
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", left, axis, left + end * scale, axis));
        long step = Math.max(1, niceStep(end));
        for (long t = 0; t <= end; t += step)
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n", left + t * scale, axis + 16, t));
        return b.append("</svg>\n").toString();
    }

    private static int rows(Schedule s) { return s.cpus() > 1 ? s.cpus() : s.jobs().size(); }

    private static int index(List<Job> jobs, String name) {
        for (int i = 0; i < jobs.size(); i++) if (jobs.get(i).name().equals(name)) return i;
        return 0;
    }

    private static long niceStep(long end) {
        long raw = Math.max(1, end / 10);
        long p = 1;
        while (p * 10 <= raw) p *= 10;
        return raw >= 5 * p ? 5 * p : raw >= 2 * p ? 2 * p : p;
    }

    private static String esc(String t) { return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
