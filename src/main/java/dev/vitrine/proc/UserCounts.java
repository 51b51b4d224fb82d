package dev.vitrine.proc;

/**
 * What one user holds across the machine (Linux's ucounts), checked against the rlimits of
 * the task that asks: queued signals (RLIMIT_SIGPENDING) and tasks (RLIMIT_NPROC). The machine
 * keeps one for all its users together (a guest that switches uids shares its counts).
 */
final class UserCounts {
    /** Signal instances queued with their siginfo, on every thread and process. */
    long sigpending;
    /** Threads that exist: live ones, and each zombie's leader until it is reaped. */
    long tasks;

    /** Whether one more queued signal stays within {@code limit} (RLIM_INFINITY is -1, the largest unsigned value). */
    boolean maySigqueue(long limit) { return Long.compareUnsigned(sigpending, limit) < 0; }

    /** Whether one more task stays within {@code limit}: copy_process counts the new task, then fails above the limit. */
    boolean mayFork(long limit) { return Long.compareUnsigned(tasks + 1, limit) <= 0; }
}
