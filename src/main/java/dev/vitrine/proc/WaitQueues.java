package dev.vitrine.proc;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Linux's wait_queue_head, one per channel: a sleeping task is on the queue of the channel it
 * sleeps on, so a wakeup touches only that channel's sleepers, first asleep first woken (the
 * order the schedule sees, so runs stay deterministic). A queue exists while someone sleeps
 * on it; channels are told apart by identity, as xv6's chan pointers are.
 */
final class WaitQueues {
    private final Map<Object, LinkedHashSet<Task>> queues = new IdentityHashMap<>();

    void enqueue(Task t, Object channel) {
        queues.computeIfAbsent(channel, c -> new LinkedHashSet<>()).add(t);
    }

    /** Takes {@code t} off its channel's queue (a timer, a signal or its death woke it). */
    void remove(Task t, Object channel) {
        LinkedHashSet<Task> q = queues.get(channel);
        if (q == null) return;
        q.remove(t);
        if (q.isEmpty()) queues.remove(channel);
    }

    /** Empties the channel's queue and returns its sleepers in the order they went to sleep. */
    List<Task> takeAll(Object channel) {
        LinkedHashSet<Task> q = queues.remove(channel);
        return q == null ? List.of() : List.copyOf(q);
    }

    /** How many channels have sleepers (for tests of the bookkeeping). */
    int size() { return queues.size(); }
}
