package dev.vitrine.proc.sched;

import java.util.List;

/**
 * A scheduling policy: which ready task runs next and for how long. The kernel keeps the
 * ready list in the order tasks became ready; a policy only picks and sizes slices, so
 * each one is a few lines and the kernel's bookkeeping is shared.
 *
 * @param <T> the task type (the kernel's Task; tests use their own)
 */
public sealed interface Policy permits RoundRobin, Fifo, PriorityPolicy, RandomPolicy {
    /** What a policy needs to know of a task. */
    interface Schedulable { int nice(); }

    /** Index in {@code ready} (non-empty, oldest first) of the task to run next. */
    int pick(List<? extends Schedulable> ready);

    /** Instructions the picked task may run before it is preempted. */
    long slice(long quantum);

    /** Whether a task whose slice ended goes back at the front (it keeps the CPU) rather than the back. */
    default boolean keepsCpu() { return false; }

    /** Whether every syscall is also a point where another task may be chosen. */
    default boolean switchesAtSyscalls() { return false; }

    String name();

    static Policy of(String name, long seed) {
        return switch (name) {
            case "rr" -> new RoundRobin();
            case "fifo" -> new Fifo();
            case "priority" -> new PriorityPolicy();
            case "random" -> new RandomPolicy(seed);
            default -> throw new IllegalArgumentException("unknown scheduling policy '" + name + "' (rr, fifo, priority, random)");
        };
    }
}
