package dev.vitrine.trace;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The machine's one event stream. Emission sites ask {@link #on(Category)} first and build an
 * event only then, so a run without sinks pays one field read and a branch per site (none on
 * the MMU's fast paths: the MMU reports through {@link dev.vitrine.mmu.MmuListener}, set only
 * when a sink wants tlb or walk events). The kernel tells who runs ({@link #running}) and
 * supplies the clock; {@link #ns()}, {@link #pid()} and {@link #tid()} stamp the events.
 */
public final class Tracer {
    /** No sink: every {@link #on} is false. */
    public static final Tracer OFF = new Tracer(List.of());

    private final List<Sink> sinks;
    private final long mask;
    private LongSupplier clock = () -> 0;
    private int pid, tid;

    public Tracer(List<Sink> sinks) {
        this.sinks = List.copyOf(sinks);
        long m = 0;
        for (Sink s : sinks) for (Category c : s.wants()) m |= 1L << c.ordinal();
        this.mask = m;
    }

    public boolean on(Category c) { return (mask & (1L << c.ordinal())) != 0; }
    public boolean any() { return mask != 0; }

    /** The categories some sink wants. */
    public Set<Category> wanted() {
        Set<Category> out = EnumSet.noneOf(Category.class);
        for (Category c : Category.values()) if (on(c)) out.add(c);
        return out;
    }

    public void setClock(LongSupplier now) { clock = now; }
    /** The task on the hart from now on (0, 0: none). */
    public void running(int pid, int tid) { this.pid = pid; this.tid = tid; }

    public long ns() { return clock.getAsLong(); }
    public int pid() { return pid; }
    public int tid() { return tid; }

    public void emit(Event e) {
        for (Sink s : sinks) if (s.wants().contains(e.category())) s.accept(e);
    }

    /** Ends every sink; the first failure is thrown after all were closed. */
    public void close() {
        RuntimeException first = null;
        for (Sink s : sinks) {
            try {
                s.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }

    /** The sinks, for a caller that must find one (tests). */
    public List<Sink> sinks() { return new ArrayList<>(sinks); }
}
