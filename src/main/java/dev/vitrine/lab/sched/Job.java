package dev.vitrine.lab.sched;

/**
 * A job to schedule: it arrives, needs {@code length} units of CPU, and has a priority
 * (smaller runs first), a number of lottery/stride tickets, an I/O frequency (every
 * {@code ioFreq} units of CPU it issues an I/O; 0: never, as in mlfq.py) and a working-set
 * size (multi.py's cache model).
 */
public record Job(String name, long arrival, long length, int priority, int tickets, long ioFreq, long workingSet) {
    public static final int DEFAULT_TICKETS = 100;

    public Job {
        if (arrival < 0) throw new IllegalArgumentException("job " + name + ": arrival must be >= 0");
        if (length <= 0) throw new IllegalArgumentException("job " + name + ": length must be > 0");
        if (tickets <= 0) throw new IllegalArgumentException("job " + name + ": tickets must be > 0");
        if (ioFreq < 0) throw new IllegalArgumentException("job " + name + ": I/O frequency must be >= 0");
        if (workingSet < 0) throw new IllegalArgumentException("job " + name + ": working set must be >= 0");
    }

    public Job(String name, long arrival, long length, int priority) {
        this(name, arrival, length, priority, DEFAULT_TICKETS, 0, 0);
    }

    public Job withTickets(int t) { return new Job(name, arrival, length, priority, t, ioFreq, workingSet); }
}
