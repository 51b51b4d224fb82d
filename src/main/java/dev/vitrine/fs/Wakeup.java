package dev.vitrine.fs;

/**
 * xv6's wakeup(chan): files that make callers wait (pipes, FIFOs, terminals) name a channel
 * object; the kernel puts waiting tasks to sleep on it, and the file wakes them through this.
 */
public interface Wakeup {
    Wakeup NONE = channel -> {};

    /** Wakes every sleeper and every poll watcher of {@code channel}, whatever they wait for. */
    void wakeup(Object channel);

    /**
     * Linux's wake_up_poll(wq, key): a wakeup that says which events came ({@code events}, poll
     * bits; 0 says nothing), so an epoll item waiting for others is not queued, and at most one
     * EPOLLEXCLUSIVE watcher is woken. Sleepers wake as for {@link #wakeup(Object)}.
     */
    default void wakeup(Object channel, int events) { wakeup(channel); }

    /** Whether a task sleeps on {@code channel} now (Linux's waitqueue_active). */
    default boolean waiting(Object channel) { return false; }
}
