package dev.vitrine.proc.sched;

import java.util.List;

/** First come, first served: a task runs until it blocks or exits (the quantum only bounds one hart run). */
public record Fifo() implements Policy {
    public int pick(List<? extends Schedulable> ready) { return 0; }
    public long slice(long quantum) { return quantum; }
    @Override public boolean keepsCpu() { return true; }
    public String name() { return "fifo"; }
}
