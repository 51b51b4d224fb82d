package dev.vitrine.trace;

import java.util.List;

/** How a run is watched and timed: the event sinks, a memory-access trace (or null), the cost model. */
public record Observe(List<Sink> sinks, LackeyTrace memory, Costs costs) {
    public static final Observe NONE = new Observe(List.of(), null, Costs.DEFAULT);

    public Observe {
        sinks = List.copyOf(sinks);
    }

    public Observe withSink(Sink s) {
        List<Sink> l = new java.util.ArrayList<>(sinks);
        l.add(s);
        return new Observe(l, memory, costs);
    }

    public Observe withMemory(LackeyTrace m) { return new Observe(sinks, m, costs); }
    public Observe withCosts(Costs c) { return new Observe(sinks, memory, c); }

    /** Ends every sink and the memory trace (the run is over). */
    public void close() {
        new Tracer(sinks).close();
        if (memory != null) memory.close();
    }
}
