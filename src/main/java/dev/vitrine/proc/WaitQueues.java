package dev.vitrine.proc;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Linux's wait_queue_head, one per channel: a sleeping task is on the queue of the channel it
 * sleeps on, so a wakeup touches only that channel's sleepers, first asleep first woken (the
 * order the schedule sees, so runs stay deterministic). The queue is linked through the
 * tasks themselves (Linux embeds the wait_queue_entry likewise), so sleeping allocates at
 * most a head; a queue exists while someone sleeps on it. Channels are told apart by
 * identity, as xv6's chan pointers are.
 */
final class WaitQueues {
    /** The first and last sleeper of one channel. */
    private static final class Head {
        Task first, last;
    }

    private final Map<Object, Head> queues = new IdentityHashMap<>();

    void enqueue(Task t, Object channel) {
        Head h = queues.computeIfAbsent(channel, c -> new Head());
        t.waitPrev = h.last;
        t.waitNext = null;
        if (h.last != null) h.last.waitNext = t; else h.first = t;
        h.last = t;
    }

    /**
     * Puts {@code t} back in the place its {@link Task#waitSeq} gives it: behind those who began
     * waiting before it, ahead of those who began later (the queue is in that order).
     */
    void enqueueInPlace(Task t, Object channel) {
        Head h = queues.computeIfAbsent(channel, c -> new Head());
        Task after = h.last;
        while (after != null && after.waitSeq > t.waitSeq) after = after.waitPrev;
        Task before = after == null ? h.first : after.waitNext;
        t.waitPrev = after;
        t.waitNext = before;
        if (after != null) after.waitNext = t; else h.first = t;
        if (before != null) before.waitPrev = t; else h.last = t;
    }

    /** Takes {@code t} off its channel's queue (a timer, a signal or its death woke it). */
    void remove(Task t, Object channel) {
        Head h = queues.get(channel);
        if (h == null) return;
        if (t.waitPrev != null) t.waitPrev.waitNext = t.waitNext; else if (h.first == t) h.first = t.waitNext; else return;
        if (t.waitNext != null) t.waitNext.waitPrev = t.waitPrev; else h.last = t.waitPrev;
        t.waitPrev = t.waitNext = null;
        if (h.first == null) queues.remove(channel);
    }

    /** Empties the channel's queue and hands its sleepers to {@code wake}, in the order they went to sleep. */
    void wakeAll(Object channel, Consumer<Task> wake) {
        Head h = queues.remove(channel);
        if (h == null) return;
        for (Task t = h.first; t != null; ) {
            Task next = t.waitNext;
            t.waitPrev = t.waitNext = null;
            wake.accept(t);
            t = next;
        }
    }

    /** Whether anyone sleeps on {@code channel}. */
    boolean has(Object channel) { return queues.containsKey(channel); }

    /** How many channels have sleepers (for tests of the bookkeeping). */
    int size() { return queues.size(); }
}
