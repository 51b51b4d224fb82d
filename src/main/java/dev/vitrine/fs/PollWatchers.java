package dev.vitrine.fs;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries epoll hangs on each watched file's wait queue (Linux's eppoll_entry): every
 * wakeup of a channel calls the callbacks registered on it, so an epoll learns which of its
 * items became ready, and in what order, as ep_poll_callback does. Channels are told apart
 * by identity.
 */
public final class PollWatchers {
    /** Called when the watched channel is woken. */
    public interface Callback { void woken(); }

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

    void fire(Object channel) {
        List<Callback> l = byChannel.get(channel);
        if (l == null) return;
        for (Callback c : List.copyOf(l)) c.woken();
    }
}
