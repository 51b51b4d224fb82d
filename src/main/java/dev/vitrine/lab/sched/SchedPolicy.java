package dev.vitrine.lab.sched;

import java.util.Locale;

/** The scheduling policies and their parameters. */
public sealed interface SchedPolicy {
    /** First come, first served: run each job to completion in arrival order. */
    record Fcfs() implements SchedPolicy {}
    /** Shortest job first, non-preemptive. */
    record Sjf() implements SchedPolicy {}
    /** Shortest time-to-completion first: SJF that preempts when a shorter job arrives. */
    record Stcf() implements SchedPolicy {}
    /** Round robin with a time slice. */
    record RoundRobin(long quantum) implements SchedPolicy {}
    /** Smallest priority number first; preemptive or not. */
    record Priority(boolean preemptive) implements SchedPolicy {}
    /**
     * OSTEP's MLFQ: new jobs enter the top queue; a job that uses up a queue's allotment
     * (one quantum) moves down one queue; higher queues preempt lower ones; round robin
     * within a queue; every {@code boost} units all jobs go back to the top (0: never).
     */
    record Mlfq(int queues, long quantum, long boost) implements SchedPolicy {}

    default String label() {
        if (this instanceof RoundRobin r) return "rr (quantum " + r.quantum() + ")";
        if (this instanceof Priority p) return p.preemptive() ? "priority (preemptive)" : "priority";
        if (this instanceof Mlfq m) return "mlfq (" + m.queues() + " queues, quantum " + m.quantum() + (m.boost() > 0 ? ", boost every " + m.boost() : "") + ")";
        return getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    static SchedPolicy parse(String name, long quantum, boolean preemptive, int queues, long boost) {
        if (quantum <= 0) throw new IllegalArgumentException("--quantum must be > 0");
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "fcfs", "fifo" -> new Fcfs();
            case "sjf" -> new Sjf();
            case "stcf", "srtf", "psjf" -> new Stcf();
            case "rr" -> new RoundRobin(quantum);
            case "priority", "prio" -> new Priority(preemptive);
            case "mlfq" -> {
                if (queues < 1) throw new IllegalArgumentException("--queues must be >= 1");
                yield new Mlfq(queues, quantum, boost);
            }
            default -> throw new IllegalArgumentException("unknown scheduling policy '" + name + "' (known: fcfs, sjf, stcf, rr, priority, mlfq)");
        };
    }
}
