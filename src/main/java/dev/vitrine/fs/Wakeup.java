package dev.vitrine.fs;

/**
 * xv6's wakeup(chan): files that make callers wait (pipes, FIFOs, terminals) name a channel
 * object; the kernel puts waiting tasks to sleep on it, and the file wakes them through this.
 */
public interface Wakeup {
    Wakeup NONE = channel -> {};

    void wakeup(Object channel);
}
