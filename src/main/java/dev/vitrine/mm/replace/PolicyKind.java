package dev.vitrine.mm.replace;

import java.util.Locale;

/** The replacement policies by name, as the command line and the kernel's config spell them. */
public enum PolicyKind {
    FIFO, LRU, CLOCK, RANDOM,
    /** Belady's optimal: needs the future, so only a simulator can run it. */
    OPT;

    public static PolicyKind parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown replacement policy '" + name + "' (known: fifo, lru, clock, opt, random)");
        }
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /**
     * A fresh policy. {@code seed} drives {@link #RANDOM}; {@code future} is needed by
     * {@link #OPT} only and may be null for the others.
     */
    public ReplacementPolicy create(long seed, NextUse future) {
        return switch (this) {
            case FIFO -> new FifoPolicy();
            case LRU -> new LruPolicy();
            case CLOCK -> new ClockPolicy();
            case RANDOM -> new RandomPolicy(seed);
            case OPT -> {
                if (future == null) throw new IllegalArgumentException("opt needs the future reference string; only the simulator has it");
                yield new OptPolicy(future);
            }
        };
    }
}
