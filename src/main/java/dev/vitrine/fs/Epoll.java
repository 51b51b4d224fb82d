package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An epoll instance (fs/eventpoll.c): the (open file, fd) pairs it watches and its ready
 * list. An item joins the ready list when it is ready as it is added or modified, and when its
 * file's channel is woken (a {@link PollWatchers} entry, Linux's ep_poll_callback); epoll_wait
 * takes the list in order, reports each item its file's poll() finds ready, and puts
 * level-triggered ones back at the tail, so the order is Linux's. EPOLLET items wait for the
 * next wakeup that carries an event they ask for; EPOLLONESHOT disarms an item until
 * EPOLL_CTL_MOD; of the EPOLLEXCLUSIVE items on one file, a wakeup queues them in turn until one
 * has a waiter to wake. epoll_wait sleeps on the instance itself (Linux's ep->wq). An item goes
 * with the last descriptor on its open file, as eventpoll_release does.
 */
public final class Epoll implements File {
    public static final int EPOLLIN = 0x1, EPOLLPRI = 0x2, EPOLLOUT = 0x4, EPOLLERR = 0x8, EPOLLHUP = 0x10,
            EPOLLRDHUP = 0x2000, EPOLLEXCLUSIVE = 1 << 28, EPOLLWAKEUP = 1 << 29, EPOLLONESHOT = 1 << 30, EPOLLET = 1 << 31;
    /** Bits an item always reports whatever it asked for. */
    private static final int ALWAYS = EPOLLERR | EPOLLHUP;
    /** The bits that are not events. */
    private static final int PRIVATE = EPOLLONESHOT | EPOLLET | EPOLLEXCLUSIVE | EPOLLWAKEUP;
    /** Linux's EP_MAX_NESTS: epolls inside epolls at most this deep. */
    private static final int MAX_NESTS = 4;

    /** One watched pair: what it asked for, the user's cookie; its callback queues it. */
    private final class Item implements PollWatchers.Callback {
        final FileDescription file;
        int events;
        long data;

        Item(FileDescription file, int events, long data) { this.file = file; this.events = events; this.data = data; }

        @Override public boolean exclusive() { return (events & EPOLLEXCLUSIVE) != 0; }

        /**
         * ep_poll_callback: a wakeup for events this item does not ask for leaves it alone; an
         * exclusive item reports a woken waiter only when someone waits on its epoll and the
         * wakeup's direction is one it asked for, so the next exclusive item gets the next one.
         */
        @Override public boolean woken(int key) {
            boolean armed = (events & ~PRIVATE) != 0 && !file.released();
            if (!armed || (key != 0 && (key & (events | ALWAYS)) == 0)) return !exclusive();
            boolean waiter = wakeup.waiting(Epoll.this);
            ready.add(this);
            wakeup.wakeup(Epoll.this, EPOLLIN);   // its waiters and whoever polls the epoll itself
            if (!exclusive()) return true;
            if (!waiter) return false;
            return switch (key & (EPOLLIN | EPOLLOUT)) {
                case EPOLLIN -> (events & EPOLLIN) != 0;
                case EPOLLOUT -> (events & EPOLLOUT) != 0;
                case 0 -> true;
                default -> false;
            };
        }
    }

    private record Key(FileDescription file, int fd) {}

    /** A ready item as epoll_wait copies it out. */
    public record Event(int events, long data) {}

    private final Map<Key, Item> items = new LinkedHashMap<>();
    private final LinkedHashSet<Item> ready = new LinkedHashSet<>();
    private final Watches watches;
    private final PollWatchers watchers;
    private final Wakeup wakeup;

    /** The machine's count of epoll items (Linux's per-user max_user_watches). */
    public static final class Watches {
        private final long max;
        private long used;

        public Watches(long max) { this.max = max; }
        boolean take() { if (used >= max) return false; used++; return true; }
        void give(int n) { used -= n; }
    }

    public Epoll(Watches watches, Vfs vfs) {
        this.watches = watches;
        this.watchers = vfs.pollWatchers();
        this.wakeup = vfs.wakeup();
    }

    /**
     * Puts an item on the ready list (a disarmed one-shot item stays off it) and wakes the
     * epoll's waiters and watchers if it was not there; true if it was added.
     */
    private boolean queue(Item it) {
        if ((it.events & ~PRIVATE) == 0 || it.file.released()) return false;
        if (!ready.add(it)) return false;
        wakeup.wakeup(this, EPOLLIN);
        return true;
    }

    private int readiness(Item it) { return it.file.file().poll() & (it.events | ALWAYS) & ~PRIVATE; }

    /** EPOLL_CTL_ADD/MOD/DEL: 0 or -errno (the checks on descriptors come before, in the syscall). */
    public long add(FileDescription f, int fd, int events, long data) {
        Key key = new Key(f, fd);
        dropReleased();
        if (items.containsKey(key)) return -Errno.EEXIST;
        if (f.file() instanceof Epoll inner && (reaches(inner, this, 0) || depth(inner, 0) >= MAX_NESTS)) return -Errno.ELOOP;
        if (!watches.take()) return -Errno.ENOSPC;
        Item it = new Item(f, events, data);
        items.put(key, it);
        watchers.add(f.file().channel(), it);
        if (readiness(it) != 0) queue(it);
        return 0;
    }

    public long modify(FileDescription f, int fd, int events, long data) {
        Item it = items.get(new Key(f, fd));
        if (it == null) return -Errno.ENOENT;
        if ((it.events & EPOLLEXCLUSIVE) != 0) return -Errno.EINVAL;
        it.events = events;
        it.data = data;
        if (readiness(it) != 0) queue(it);
        return 0;
    }

    public long delete(FileDescription f, int fd) {
        Item it = items.remove(new Key(f, fd));
        if (it == null) return -Errno.ENOENT;
        forget(it);
        return 0;
    }

    private void forget(Item it) {
        ready.remove(it);
        watchers.remove(it.file.file().channel(), it);
        watches.give(1);
    }

    /** Whether epoll {@code from} watches {@code target}, directly or through inner epolls. */
    private static boolean reaches(Epoll from, Epoll target, int depth) {
        if (from == target) return true;
        if (depth > MAX_NESTS) return true;
        for (Item it : from.items.values())
            if (it.file.file() instanceof Epoll e && reaches(e, target, depth + 1)) return true;
        return false;
    }

    private static int depth(Epoll e, int d) {
        int max = d;
        if (d > MAX_NESTS) return d;
        for (Item it : e.items.values())
            if (it.file.file() instanceof Epoll inner) max = Math.max(max, depth(inner, d + 1));
        return max;
    }

    private void dropReleased() {
        for (var i = items.values().iterator(); i.hasNext(); ) {
            Item it = i.next();
            if (it.file.released()) { i.remove(); forget(it); }
        }
    }

    /**
     * ep_send_events: up to {@code max} ready items in ready-list order; the ones not reached
     * stay first, level-triggered ones reported go back to the tail, one-shots disarm.
     */
    public List<Event> harvest(int max) {
        dropReleased();
        List<Event> out = new ArrayList<>();
        List<Item> taken = new ArrayList<>(ready), requeue = new ArrayList<>();
        ready.clear();
        int i = 0;
        for (; i < taken.size() && out.size() < max; i++) {
            Item it = taken.get(i);
            int mask = readiness(it);
            if (mask == 0) continue;
            out.add(new Event(mask, it.data));
            if ((it.events & EPOLLONESHOT) != 0) it.events &= PRIVATE;
            else if ((it.events & EPOLLET) == 0) requeue.add(it);
        }
        LinkedHashSet<Item> next = new LinkedHashSet<>(taken.subList(i, taken.size()));
        next.addAll(requeue);
        ready.addAll(next);
        return out;
    }

    @Override public int poll() {
        dropReleased();
        for (Item it : ready) if (readiness(it) != 0) return Poll.POLLIN | Poll.POLLRDNORM;
        return 0;
    }

    @Override public Object channel() { return this; }
    @Override public boolean pollable() { return true; }
    @Override public long read(byte[] dst, int off, int len, long offset) { return -Errno.EINVAL; }
    @Override public long write(byte[] src, int off, int len, long offset) { return -Errno.EINVAL; }
    @Override public Stat stat() { return AnonInode.stat(); }
    @Override public String describe() { return "an epoll"; }

    @Override public void close() {
        for (Item it : items.values()) forget(it);
        items.clear();
    }
}
