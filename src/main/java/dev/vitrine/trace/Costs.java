package dev.vitrine.trace;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The ns each {@link Cost} charges: {@link #DEFAULT} from real hardware (docs/cost-model.md),
 * {@link #OFF} the plain clock, one instruction one nanosecond.
 */
public record Costs(Map<Cost, Long> ns) {
    public static final Costs DEFAULT = all(c -> c.defaultNs);
    public static final Costs OFF = all(c -> 0L);

    public Costs {
        ns = Collections.unmodifiableMap(new EnumMap<>(ns));
        if (ns.size() != Cost.values().length) throw new IllegalArgumentException("a figure for each cost: " + ns.keySet());
    }

    private static Costs all(java.util.function.Function<Cost, Long> f) {
        Map<Cost, Long> m = new EnumMap<>(Cost.class);
        for (Cost c : Cost.values()) m.put(c, f.apply(c));
        return new Costs(m);
    }

    public long of(Cost c) { return ns.get(c); }

    /** The figures compared, not the record: its equals is an invokedynamic whose bootstrap costs every run milliseconds. */
    public boolean off() { return ns.equals(OFF.ns); }

    /** The figures by their --cost names, in ns. */
    public Map<String, Long> named() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (Cost c : Cost.values()) m.put(c.option, of(c));
        return m;
    }

    /** "off", "default", or NAME=NS,... changing the defaults; one line naming what is wrong otherwise. */
    public static Costs parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("off")) return OFF;
        if (s.equals("default") || s.isEmpty()) return DEFAULT;
        Map<Cost, Long> m = new EnumMap<>(DEFAULT.ns());
        for (String part : s.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            Cost c = null;
            for (Cost k : Cost.values()) if (k.option.equals(name)) c = k;
            if (eq < 0 || c == null)
                throw new IllegalArgumentException("--cost " + spec + ": expected off, default or NAME=NS,... with NAME one of "
                        + String.join(", ", DEFAULT.named().keySet()));
            long v;
            try {
                v = Long.parseLong(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0 || v > 1_000_000_000_000L)
                throw new IllegalArgumentException("--cost " + spec + ": " + name + " must be a whole number of ns from 0 to 10^12");
            m.put(c, v);
        }
        return new Costs(m);
    }
}
