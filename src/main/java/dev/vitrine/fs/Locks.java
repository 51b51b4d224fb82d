package dev.vitrine.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * POSIX record locks (fcntl F_SETLK) on one inode. The owner is the process's descriptor
 * table, so closing any descriptor of the file drops all that process's locks on it, as
 * POSIX says, and exit drops them all.
 */
public final class Locks {
    public static final int F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;

    /** [start, end] inclusive; end = Long.MAX_VALUE for "to end of file". */
    public record Lock(Object owner, int pid, int type, long start, long end) {
        boolean overlaps(long s, long e) { return start <= e && s <= end; }
    }

    private final List<Lock> locks = new ArrayList<>();

    /** The first lock of another owner that conflicts with the request, or null. */
    public Lock conflict(Object owner, int type, long start, long end) {
        for (Lock l : locks)
            if (l.owner() != owner && l.overlaps(start, end) && (type == F_WRLCK || l.type() == F_WRLCK)) return l;
        return null;
    }

    /** Sets (or with F_UNLCK clears) the owner's lock on [start, end], splitting what it had there. */
    public void set(Object owner, int pid, int type, long start, long end) {
        List<Lock> out = new ArrayList<>();
        for (Lock l : locks) {
            if (l.owner() != owner || !l.overlaps(start, end)) { out.add(l); continue; }
            if (l.start() < start) out.add(new Lock(owner, l.pid(), l.type(), l.start(), start - 1));
            if (l.end() > end) out.add(new Lock(owner, l.pid(), l.type(), end + 1, l.end()));
        }
        if (type != F_UNLCK) out.add(new Lock(owner, pid, type, start, end));
        out.sort((a, b) -> Long.compare(a.start(), b.start()));
        locks.clear();
        locks.addAll(out);
    }

    /** Drops all of an owner's locks; returns whether it had any (then waiters should wake). */
    public boolean release(Object owner) { return locks.removeIf(l -> l.owner() == owner); }

    public boolean isEmpty() { return locks.isEmpty(); }
}
