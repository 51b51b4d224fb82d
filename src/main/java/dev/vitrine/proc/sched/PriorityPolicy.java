package dev.vitrine.proc.sched;

import java.util.List;

/**
 * Static priorities from nice values (-20 best .. 19 worst): the best ready task runs;
 * equals share the CPU round robin. A better task that becomes ready waits for the end of
 * the current slice, not longer.
 */
public record PriorityPolicy() implements Policy {
    public int pick(List<? extends Schedulable> ready) {
        int best = 0;
        for (int i = 1; i < ready.size(); i++) if (ready.get(i).nice() < ready.get(best).nice()) best = i;
        return best;
    }
    public long slice(long quantum) { return quantum; }
    public String name() { return "priority"; }
}
