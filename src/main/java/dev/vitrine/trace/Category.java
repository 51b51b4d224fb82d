package dev.vitrine.trace;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of event, by the names `--trace-events` takes. {@link #DEFAULT} leaves out the
 * hardware's per-access events (tlb, walk): a column-order loop makes millions of them.
 */
public enum Category {
    SYSCALL, FAULT, TLB, WALK, COW, EVICT, SWAP, SWITCH, SIGNAL, PIPE, BLOCK, WAKE, PROC, COUNTER;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    public static final Set<Category> ALL = EnumSet.allOf(Category.class);
    public static final Set<Category> DEFAULT = EnumSet.complementOf(EnumSet.of(TLB, WALK));

    /** "fault,switch" (or "all", "default"): the set, or one line saying which name is unknown. */
    public static Set<Category> parse(String list) {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (String name : list.split(",")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (n.isEmpty()) continue;
            if (n.equals("all")) { out.addAll(ALL); continue; }
            if (n.equals("default")) { out.addAll(DEFAULT); continue; }
            Category c = null;
            for (Category k : values()) if (k.label().equals(n)) c = k;
            if (c == null) throw new IllegalArgumentException("--trace-events " + list + ": unknown event kind '" + n
                    + "' (expected all, default or some of " + String.join(",", ALL.stream().map(Category::label).toList()) + ")");
            out.add(c);
        }
        if (out.isEmpty()) throw new IllegalArgumentException("--trace-events " + list + ": no event kind named");
        return out;
    }
}
