package dev.vitrine.trace;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What virtual time charges beside one nanosecond per instruction: each memory reference of
 * a page walk, the fixed part of a TLB miss, a minor fault, a major fault (the disk read), a
 * page written to swap or back to its file, a context switch and a syscall's entry and exit.
 * The defaults are a desktop x86-64 machine with an NVMe SSD (docs/cost-model.md names the
 * sources); {@link #OFF} is the plain clock, one instruction one nanosecond.
 */
public record Costs(long walkRef, long tlbMiss, long minorFault, long majorFault, long swapOut, long contextSwitch, long syscall) {
    /** Rounded from measurements of real hardware (docs/cost-model.md). */
    public static final Costs DEFAULT = new Costs(20, 5, 1_000, 100_000, 100_000, 2_000, 100);
    public static final Costs OFF = new Costs(0, 0, 0, 0, 0, 0, 0);

    public boolean off() { return equals(OFF); }

    /** The figures by their --cost names, in ns. */
    public Map<String, Long> named() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("walk_ref", walkRef);
        m.put("tlb_miss", tlbMiss);
        m.put("minor_fault", minorFault);
        m.put("major_fault", majorFault);
        m.put("swap_out", swapOut);
        m.put("switch", contextSwitch);
        m.put("syscall", syscall);
        return m;
    }

    /** "off", "default", or NAME=NS,... changing the defaults; one line naming what is wrong otherwise. */
    public static Costs parse(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        if (s.equals("off")) return OFF;
        Map<String, Long> m = DEFAULT.named();
        if (s.equals("default") || s.isEmpty()) return DEFAULT;
        for (String part : s.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            if (eq < 0 || !m.containsKey(name))
                throw new IllegalArgumentException("--cost " + spec + ": expected off, default or NAME=NS,... with NAME one of "
                        + String.join(", ", m.keySet()));
            long ns;
            try {
                ns = Long.parseLong(p.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                ns = -1;
            }
            if (ns < 0 || ns > 1_000_000_000_000L)
                throw new IllegalArgumentException("--cost " + spec + ": " + name + " must be a whole number of ns from 0 to 10^12");
            m.put(name, ns);
        }
        return new Costs(m.get("walk_ref"), m.get("tlb_miss"), m.get("minor_fault"), m.get("major_fault"), m.get("swap_out"),
                m.get("switch"), m.get("syscall"));
    }
}
