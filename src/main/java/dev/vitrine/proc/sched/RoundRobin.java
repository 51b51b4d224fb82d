package dev.vitrine.proc.sched;

import java.util.List;

/** Round robin: the oldest ready task runs for one quantum, then goes to the back. */
public record RoundRobin() implements Policy {
    public int pick(List<? extends Schedulable> ready) { return 0; }
    public long slice(long quantum) { return quantum; }
    public String name() { return "rr"; }
}
