package dev.vitrine.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * Record locks (fcntl F_SETLK and F_OFD_SETLK) on one inode. A POSIX lock's owner is the
 * process's descriptor table, so closing any descriptor of the file drops all that process's
 * locks on it, as POSIX says, and exit drops them all. An open file description lock's owner
 * is the description itself: it goes when the description's last descriptor closes, and it
 * conflicts with its own process's POSIX locks.
 */
public final class Locks {
    public static final int F_RDLCK = 0, F_WRLCK = 1, F_UNLCK = 2;
    /** The l_pid F_GETLK reports for an open file description lock (it belongs to no process). */
    public static final int OFD_PID = -1;

    /** [start, end] inclusive; end = Long.MAX_VALUE for "to end of file". */
    public record Lock(Object owner, int pid, int type, long start, long end) {
        boolean overlaps(long s, long e) { return start <= e && s <= end; }
        /** Overlaps [s, e] or touches it end to end (then a lock of the same type merges with it). */
        boolean touches(long s, long e) { return overlaps(s, e) || end != Long.MAX_VALUE && end + 1 == s || e != Long.MAX_VALUE && e + 1 == start; }
    }

    private final List<Lock> locks = new ArrayList<>();

    /**
     * An F_SETLEASE lease of one open file description (Linux keeps leases in the same
     * file_lock_context as record locks). While a conflicting open breaks it, {@code target}
     * is what it must become (F_RDLCK or F_UNLCK) by {@code deadline}; -1 when not breaking.
     */
    public static final class Lease {
        private final FileDescription owner;
        private int fd, type, target = -1;
        private long deadline;

        Lease(FileDescription owner, int fd, int type) { this.owner = owner; this.fd = fd; this.type = type; }

        public FileDescription owner() { return owner; }
        public int fd() { return fd; }
        public int type() { return type; }
        public boolean breaking() { return target >= 0; }
        public int target() { return target; }
        public long deadline() { return deadline; }
        /** target_leasetype: what F_GETLEASE reports (the target while breaking). */
        public int reported() { return breaking() ? target : type; }
        public void startBreak(int to, long at) { target = to; deadline = at; }
    }

    private final List<Lease> leases = new ArrayList<>(0);

    /** The leases, oldest first. */
    public List<Lease> leases() { return List.copyOf(leases); }

    public Lease lease(FileDescription owner) {
        for (Lease l : leases) if (l.owner == owner) return l;
        return null;
    }

    /**
     * lm_change: sets (or with F_UNLCK removes) the description's lease; a change that meets a
     * break's target ends the break. Wakes the openers waiting for it.
     */
    public void setLease(FileDescription owner, int fd, int type) {
        Lease l = lease(owner);
        if (type == F_UNLCK) { if (l != null) leases.remove(l); }
        else if (l == null) leases.add(new Lease(owner, fd, type));
        else {
            l.type = type;
            l.fd = fd;
            if (l.breaking() && type <= l.target) l.target = -1;   // F_RDLCK (0) meets a downgrade's target
        }
        wakeup.wakeup(this);
    }

    /** time_out_leases: a break past its deadline is carried out (downgrade or removal). */
    public void timeOutLeases(long now) {
        boolean changed = false;
        for (Lease l : List.copyOf(leases)) {
            if (!l.breaking() || now < l.deadline) continue;
            if (l.target == F_UNLCK) leases.remove(l);
            else { l.type = l.target; l.target = -1; }
            changed = true;
        }
        if (changed) wakeup.wakeup(this);
    }
    private Wakeup wakeup = Wakeup.NONE;

    /** Who to tell when a release may let a waiting F_SETLKW go on (the waiters sleep on this object). */
    public void setWakeup(Wakeup w) { wakeup = w; }

    /** The first lock of another owner that conflicts with the request, or null. */
    public Lock conflict(Object owner, int type, long start, long end) {
        for (Lock l : locks)
            if (l.owner() != owner && l.overlaps(start, end) && (type == F_WRLCK || l.type() == F_WRLCK)) return l;
        return null;
    }

    /** The owner's first lock overlapping [start, end], or null (what an F_OFD_GETLK with F_UNLCK reports). */
    public Lock own(Object owner, long start, long end) {
        for (Lock l : locks) if (l.owner() == owner && l.overlaps(start, end)) return l;
        return null;
    }

    /**
     * Sets (or with F_UNLCK clears) the owner's lock on [start, end], splitting what it had
     * there; its locks of the same type that overlap or adjoin the range merge into one, as
     * posix_lock_inode does, so F_GETLK reports the whole run.
     */
    public void set(Object owner, int pid, int type, long start, long end) {
        List<Lock> out = new ArrayList<>();
        boolean replaced = false;
        for (Lock l : locks) {
            if (l.owner() != owner || !l.touches(start, end)) { out.add(l); continue; }
            replaced |= l.overlaps(start, end);
            if (type != F_UNLCK && l.type() == type) {
                start = Math.min(start, l.start());
                end = Math.max(end, l.end());
                continue;
            }
            if (!l.overlaps(start, end)) { out.add(l); continue; }
            if (l.start() < start) out.add(new Lock(owner, l.pid(), l.type(), l.start(), start - 1));
            if (l.end() > end) out.add(new Lock(owner, l.pid(), l.type(), end + 1, l.end()));
        }
        if (type != F_UNLCK) out.add(new Lock(owner, pid, type, start, end));
        out.sort((a, b) -> Long.compare(a.start(), b.start()));
        locks.clear();
        locks.addAll(out);
        // an unlock or a downgrade may let a waiter go on (locks_wake_up_blocks)
        if (replaced) wakeup.wakeup(this);
    }

    /** Drops all of an owner's locks; returns whether it had any (then waiters should wake). */
    public boolean release(Object owner) { return locks.removeIf(l -> l.owner() == owner); }

    /** Drops an owner's locks and wakes the F_SETLKW waiters if it had any (a description's last close). */
    public void releaseAndWake(Object owner) {
        boolean any = release(owner);
        any |= leases.removeIf(l -> l.owner == owner);   // locks_remove_file: its lease goes too
        if (any) wakeup.wakeup(this);
    }

    public boolean isEmpty() { return locks.isEmpty() && leases.isEmpty(); }
}
