package dev.vitrine.lab;

import dev.vitrine.trace.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The text, JSON and chart forms of TLB simulations. */
public final class TlbReport {
    private TlbReport() {}

    static String shape(TlbSim.Result r) {
        var c = r.config();
        String assoc = c.entries() == 0 ? "no TLB" : c.ways() == c.entries() ? "fully associative"
                : c.ways() == 1 ? "direct-mapped, " + c.entries() + " sets" : c.ways() + "-way, " + c.entries() / c.ways() + " sets";
        return String.format(Locale.ROOT, "%d-entry TLB (%s, %s%s)", c.entries(), assoc, c.policy().name().toLowerCase(Locale.ROOT),
                c.split() ? ", split I/D" : "");
    }

    public static String text(TlbSim.Result r) {
        StringBuilder s = new StringBuilder(shape(r)).append(", ").append(r.lookups()).append(" lookups\n");
        if (!r.steps().isEmpty()) {
            s.append(String.format(Locale.ROOT, "  %5s %4s %10s %4s %-5s %-10s %s%n", "#", "kind", "page", "set", "", "evicted", "entries after"));
            int i = 0;
            for (TlbSim.Lookup l : r.steps()) {
                StringBuilder c = new StringBuilder();
                for (long v : l.contents()) c.append(v < 0 ? "." : Sizes.hex(v)).append(' ');
                s.append(String.format(Locale.ROOT, "  %5d %4s %10s %4d %-5s %-10s %s%n", ++i, l.kind(), Sizes.hex(l.vpn()), l.set(),
                        l.hit() ? "hit" : "MISS", l.evicted() < 0 ? "" : Sizes.hex(l.evicted()), c.toString().strip()));
            }
            if (r.steps().size() < r.lookups()) s.append("  ... (").append(r.lookups() - r.steps().size()).append(" more lookups not shown)\n");
        }
        s.append(String.format(Locale.ROOT, "%d hits, %d misses, hit rate %s, %d evictions%n", r.hits(), r.misses(), Sizes.percent(r.hitRate()), r.evictions()));
        if (r.config().split())
            s.append(String.format(Locale.ROOT, "  instruction side: %d hits, %d misses; data side: %d hits, %d misses%n", r.fetchHits(), r.fetchMisses(),
                    r.hits() - r.fetchHits(), r.misses() - r.fetchMisses()));
        return s.toString();
    }

    public static Map<String, Object> json(TlbSim.Result r) {
        Map<String, Object> o = Json.object();
        o.put("entries", r.config().entries());
        o.put("ways", r.config().ways());
        o.put("policy", r.config().policy().name().toLowerCase(Locale.ROOT));
        o.put("split", r.config().split());
        o.put("lookups", r.lookups());
        o.put("hits", r.hits());
        o.put("misses", r.misses());
        o.put("hitRate", r.hitRate());
        o.put("evictions", r.evictions());
        if (r.config().split()) {
            o.put("fetchHits", r.fetchHits());
            o.put("fetchMisses", r.fetchMisses());
        }
        if (!r.steps().isEmpty()) {
            List<Object> steps = new ArrayList<>();
            for (TlbSim.Lookup l : r.steps()) {
                Map<String, Object> j = Json.object();
                j.put("kind", String.valueOf(l.kind()));
                j.put("vpn", l.vpn());
                j.put("hit", l.hit());
                j.put("set", l.set());
                if (l.evicted() >= 0) j.put("evicted", l.evicted());
                steps.add(j);
            }
            o.put("steps", steps);
        }
        return o;
    }

    public static String sweepText(List<TlbSim.Result> runs) {
        StringBuilder s = new StringBuilder("TLB hit rate by size\n");
        s.append(String.format(Locale.ROOT, "%8s %10s %10s %10s%n", "entries", "hits", "misses", "hit rate"));
        for (TlbSim.Result r : runs)
            s.append(String.format(Locale.ROOT, "%8d %10d %10d %10s%n", r.config().entries(), r.hits(), r.misses(), Sizes.percent(r.hitRate())));
        for (int i = 1; i < runs.size(); i++)
            if (runs.get(i).hits() < runs.get(i - 1).hits())
                s.append(String.format(Locale.ROOT, "%d entries hit less than %d (Belady's anomaly)%n", runs.get(i).config().entries(), runs.get(i - 1).config().entries()));
        return s.toString();
    }

    public static Map<String, Object> sweepJson(List<TlbSim.Result> runs) {
        List<Object> rows = new ArrayList<>();
        for (TlbSim.Result r : runs) rows.add(json(r));
        Map<String, Object> o = Json.object();
        o.put("results", rows);
        return o;
    }

    public static String svg(List<TlbSim.Result> runs, String title) {
        long[] x = new long[runs.size()];
        double[] y = new double[runs.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = runs.get(i).config().entries();
            y[i] = 100 * runs.get(i).hitRate();
        }
        String name = runs.get(0).config().policy().name().toLowerCase(Locale.ROOT);
        return SvgChart.lines(title, "TLB entries", "hit rate (%)", x, List.of(new SvgChart.Series(name, y)), 100);
    }
}
