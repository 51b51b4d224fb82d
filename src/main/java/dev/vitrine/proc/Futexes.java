package dev.vitrine.proc;

import dev.vitrine.mm.Vma;
import dev.vitrine.mmu.Access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.vitrine.abi.Errno.*;

/**
 * Futex wait queues. A futex is named by a key: in a private mapping (or with
 * FUTEX_PRIVATE_FLAG) the address space and the virtual address; in a MAP_SHARED mapping the
 * physical address, so processes that share the frame (fork, shared anonymous memory) meet
 * on the same queue, as Linux's get_futex_key does.
 */
public final class Futexes {
    /** wait() put the task to sleep: the syscall should return Syscall.RESTART. */
    public static final long SLEEPING = Long.MIN_VALUE + 1;

    record Key(Object space, long address) {}

    /** One sleeper; {@code woken} tells its restarted wait that a wake, not a timeout, ended it. */
    static final class Waiter implements Continuation {
        final Task task;
        final int bitset;
        final long deadline;
        Key key;
        boolean woken;
        /** futex_waitv: the group this waiter is one futex of, and its index there. */
        Group group;
        int index;
        Waiter(Task task, Key key, int bitset, long deadline) { this.task = task; this.key = key; this.bitset = bitset; this.deadline = deadline; }
        /** A handler or the thread's death ends the wait: it leaves the queue. */
        @Override public void abandon(Kernel k, Task t, Abandon how) { k.futexes.dequeue(this); }
    }

    /** futex_waitv's sleeper: one waiter per futex; the first woken ends the wait and the others leave their queues. */
    static final class Group implements Continuation {
        final List<Waiter> members = new ArrayList<>();
        final long deadline;
        int woken = -1;
        Group(long deadline) { this.deadline = deadline; }
        @Override public void abandon(Kernel k, Task t, Abandon how) { for (Waiter w : members) k.futexes.dequeue(w); }
    }

    /** Whether {@code t} is a futex_waitv sleeper running again. */
    public boolean waitingMany(Task t) { return t.continuation instanceof Group; }

    /**
     * futex_waitv: sleeps on every (uaddr, val) of the list until one is woken (its index is
     * the result), the deadline (-ETIMEDOUT) or a signal; a word already not its value is
     * -EAGAIN and an unreadable one -EFAULT, before anything is queued.
     */
    public long waitv(Task t, long[] uaddr, int[] val, boolean[] priv, long deadline) {
        if (t.continuation instanceof Group g) {
            if (g.woken >= 0) return g.woken;
            if (g.deadline >= 0 && kernel.clock().now() >= g.deadline) {
                for (Waiter w : g.members) dequeue(w);
                return -ETIMEDOUT;
            }
            kernel.sleepTimed(t, g, g.deadline, "futex_waitv on " + g.members.size() + " futexes");
            return SLEEPING;
        }
        Key[] keys = new Key[uaddr.length];
        for (int i = 0; i < uaddr.length; i++) {
            keys[i] = key(t, uaddr[i], priv[i]);
            if (keys[i] == null) return -EFAULT;
        }
        for (int i = 0; i < uaddr.length; i++) {
            Integer cur = readInt(t, uaddr[i]);
            if (cur == null) return -EFAULT;
            if (cur != val[i]) return -EAGAIN;
        }
        if (deadline >= 0 && kernel.clock().now() >= deadline) return -ETIMEDOUT;
        Group g = new Group(deadline);
        for (int i = 0; i < uaddr.length; i++) {
            Waiter w = new Waiter(t, keys[i], -1, deadline);
            w.group = g;
            w.index = i;
            g.members.add(w);
            queues.computeIfAbsent(keys[i], x -> new ArrayList<>()).add(w);
        }
        t.continuation = g;
        kernel.sleepTimed(t, g, deadline, "futex_waitv on " + uaddr.length + " futexes");
        return SLEEPING;
    }

    /**
     * FUTEX_WAKE_OP: *uaddr2 = old OP oparg (as one atomic step), wakes up to {@code n} waiters
     * of uaddr and, if old CMP cmparg holds, up to {@code n2} of uaddr2; returns how many woke.
     * An unknown op is -ENOSYS before the store, an unknown comparison after it; a word that
     * cannot be written is -EFAULT.
     */
    public long wakeOp(Task t, long uaddr, int n, long uaddr2, int n2, int encoded, boolean priv) {
        if ((uaddr & 3) != 0 || (uaddr2 & 3) != 0) return -EINVAL;
        Key k1 = key(t, uaddr, priv), k2 = key(t, uaddr2, priv);
        if (k1 == null || k2 == null) return -EFAULT;
        int op = (encoded >>> 28) & 7, cmp = (encoded >>> 24) & 15;
        int oparg = (encoded << 8) >> 20, cmparg = (encoded << 20) >> 20;
        if ((encoded & (8 << 28)) != 0) oparg = 1 << (oparg & 31);
        if (op > 4) return -ENOSYS;
        Integer old = readInt(t, uaddr2);
        if (old == null) return -EFAULT;
        int nw = switch (op) {
            case 0 -> oparg;
            case 1 -> old + oparg;
            case 2 -> old | oparg;
            case 3 -> old & ~oparg;
            default -> old ^ oparg;
        };
        boolean hit = switch (cmp) {
            case 0 -> old == cmparg;
            case 1 -> old != cmparg;
            case 2 -> old < cmparg;
            case 3 -> old <= cmparg;
            case 4 -> old > cmparg;
            case 5 -> old >= cmparg;
            default -> { yield false; }
        };
        // The word is written before the comparison is decoded: an unknown one is ENOSYS after the store, as Linux's.
        if (!t.memory().writeInt(uaddr2, nw)) return -EFAULT;
        if (cmp > 5) return -ENOSYS;
        int woken = wake(k1, n, -1);
        if (hit) woken += wake(k2, n2, -1);
        return woken;
    }

    private final Kernel kernel;
    private final Map<Key, List<Waiter>> queues = new LinkedHashMap<>();

    Futexes(Kernel kernel) { this.kernel = kernel; }

    /** The key of {@code uaddr} for {@code t}, or null if the address is not mapped (EFAULT). */
    Key key(Task t, long uaddr, boolean priv) {
        if (!priv) {
            Vma v = t.space().find(uaddr);
            if (v != null && v.shared()) {
                long pa = t.memory().translate(uaddr, Access.LOAD);
                return pa < 0 ? null : new Key(null, pa);
            }
        }
        return new Key(t.space(), uaddr);
    }

    /**
     * FUTEX_WAIT(_BITSET): sleeps if *uaddr == val. Called again when the task is woken
     * (the syscall restarts); then it reports how the wait ended.
     */
    public long wait(Task t, long uaddr, int val, long deadline, int bitset, boolean priv) {
        if (t.continuation instanceof Waiter w) {
            if (w.woken) return 0;
            if (w.deadline >= 0 && kernel.clock().now() >= w.deadline) {
                dequeue(w);
                return -ETIMEDOUT;
            }
            kernel.sleepTimed(t, w, w.deadline, "futex wait on 0x" + Long.toHexString(uaddr));
            return SLEEPING;
        }
        if ((uaddr & 3) != 0 || bitset == 0) return -EINVAL;
        Key key = key(t, uaddr, priv);
        Integer cur = readInt(t, uaddr);
        if (key == null || cur == null) return -EFAULT;
        if (cur != val) return -EAGAIN;
        if (deadline >= 0 && kernel.clock().now() >= deadline) return -ETIMEDOUT;
        Waiter w = new Waiter(t, key, bitset, deadline);
        queues.computeIfAbsent(key, x -> new ArrayList<>()).add(w);
        t.continuation = w;
        kernel.sleepTimed(t, w, deadline, why(t, uaddr));
        return SLEEPING;
    }

    /** FUTEX_WAKE(_BITSET): wakes up to {@code n} waiters whose bitset meets {@code bitset}; returns how many. */
    public int wake(Task t, long uaddr, int n, int bitset, boolean priv) {
        if ((uaddr & 3) != 0) return -EINVAL;
        Key key = key(t, uaddr, priv);
        return key == null ? -EFAULT : wake(key, n, bitset);
    }

    private int wake(Key key, int n, int bitset) {
        List<Waiter> q = queues.get(key);
        if (q == null) return 0;
        int woken = 0;
        for (Waiter w : List.copyOf(q)) {
            if (!q.contains(w)) continue;   // a futex_waitv sibling left meanwhile
            if (woken >= n) break;
            if ((w.bitset & bitset) == 0) continue;
            q.remove(w);
            w.woken = true;
            if (w.group != null) {
                // futex_waitv: this futex ends the wait; the task leaves its other queues now.
                if (w.group.woken < 0) w.group.woken = w.index;
                for (Waiter o : w.group.members) if (o != w) dequeue(o);
            }
            kernel.wake(w.task);
            woken++;
        }
        if (q.isEmpty() && queues.get(key) == q) queues.remove(key);
        return woken;
    }

    /** FUTEX_(CMP_)REQUEUE: wakes {@code n} waiters of uaddr, moves up to {@code m} others to uaddr2. */
    public long requeue(Task t, long uaddr, int n, long uaddr2, int m, Integer expect, boolean priv) {
        if ((uaddr & 3) != 0 || (uaddr2 & 3) != 0) return -EINVAL;
        Key k1 = key(t, uaddr, priv), k2 = key(t, uaddr2, priv);
        if (k1 == null || k2 == null) return -EFAULT;
        if (expect != null) {
            Integer cur = readInt(t, uaddr);
            if (cur == null) return -EFAULT;
            if (!cur.equals(expect)) return -EAGAIN;
        }
        int done = wake(k1, n, -1);
        List<Waiter> q = queues.get(k1);
        int moved = 0;
        if (q != null) {
            for (Waiter w : List.copyOf(q)) {
                if (moved >= m) break;
                q.remove(w);
                w.key = k2;
                queues.computeIfAbsent(k2, x -> new ArrayList<>()).add(w);
                moved++;
            }
            if (q.isEmpty()) queues.remove(k1);
        }
        return done + moved;
    }

    void dequeue(Waiter w) {
        List<Waiter> q = queues.get(w.key);
        if (q == null) return;
        q.remove(w);
        if (q.isEmpty()) queues.remove(w.key);
    }

    /** In words, for the deadlock report: a join, a mutex and its owner (glibc keeps the owner's tid at +8), or a bare futex. */
    private String why(Task t, long uaddr) {
        String at = "futex wait on 0x" + Long.toHexString(uaddr);
        for (Task x : t.proc.threads)
            if (x != t && x.state != Task.State.DEAD && x.clearChildTid == uaddr) return at + " (pthread_join: thread " + x.tid + " has not exited)";
        Integer owner = readInt(t, uaddr + 8), word = readInt(t, uaddr);
        if (owner != null && word != null && word != 0)
            for (Task x : t.proc.threads)
                if (x != t && x.state != Task.State.DEAD && x.tid == owner) return at + " (a mutex held by thread " + owner + ")";
        return at + " (a lock or condition no one releases)";
    }

    static Integer readInt(Task t, long va) {
        byte[] b = new byte[4];
        if (!t.memory().read(va, b, 0, 4)) return null;
        return (b[0] & 0xff) | (b[1] & 0xff) << 8 | (b[2] & 0xff) << 16 | (b[3] & 0xff) << 24;
    }
}
