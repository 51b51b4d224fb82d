package dev.vitrine.lab.sched;

/** A job to schedule: it arrives, needs {@code length} units of CPU, and has a priority (smaller runs first). */
public record Job(String name, long arrival, long length, int priority) {
    public Job {
        if (arrival < 0) throw new IllegalArgumentException("job " + name + ": arrival must be >= 0");
        if (length <= 0) throw new IllegalArgumentException("job " + name + ": length must be > 0");
    }
}
