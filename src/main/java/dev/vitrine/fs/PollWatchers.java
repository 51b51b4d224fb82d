package dev.vitrine.fs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries epoll hangs on each watched file's wait queue (Linux's eppoll_entry): every
 * wakeup of a channel calls the callbacks registered on it, so an epoll learns which of its
 * items became ready, and in what order, as ep_poll_callback does. Channels are told apart
 * by identity. As __wake_up_common walks a queue, the ordinary entries are all called, then
 * the exclusive ones (EPOLLEXCLUSIVE) in the order they came until one says it woke a waiter;
 * a wakeup that names no events (wake_up_all's kind here) calls them all.
 */
public final class PollWatchers {
    /** Called when the watched channel is woken with {@code events} (0: unknown); true if it woke a waiter. */
    public interface Callback {
        boolean woken(int events);

        /** Added with add_wait_queue_exclusive: one wakeup reaches one of these. */
        default boolean exclusive() { return false; }
    }

    private final Map<Object, List<Callback>> byChannel = new IdentityHashMap<>();

    public void add(Object channel, Callback c) {
        if (channel != null) byChannel.computeIfAbsent(channel, x -> new ArrayList<>(2)).add(c);
    }

    public void remove(Object channel, Callback c) {
        List<Callback> l = channel == null ? null : byChannel.get(channel);
        if (l == null) return;
        l.remove(c);
        if (l.isEmpty()) byChannel.remove(channel);
    }

    void fire(Object channel, int events) {
        List<Callback> l = byChannel.get(channel);
        if (l == null) return;
        List<Callback> all = List.copyOf(l);
        for (Callback c : all) if (!c.exclusive()) c.woken(events);
        for (Callback c : all) if (c.exclusive() && c.woken(events) && events != 0) break;
    }
}
