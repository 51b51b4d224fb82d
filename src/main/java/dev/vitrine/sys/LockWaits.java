package dev.vitrine.sys;

import dev.vitrine.fs.Locks;
import dev.vitrine.proc.Task;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Linux's blocked_hash for POSIX record locks: each task asleep in F_SETLKW, the owner it
 * asks for (its descriptor table) and the lock in its way. F_SETLKW refuses with EDEADLK a
 * wait that would close a cycle: the lock's owner waits for a lock whose owner waits ... for
 * the caller (posix_locks_deadlock, at most ten steps). A task that no longer sleeps on the
 * lock's channel (woken, interrupted, dead) has left the graph.
 */
final class LockWaits {
    private static final int MAX_DEADLK_ITERATIONS = 10;

    private record Wait(Object owner, Locks.Lock blocker, Object channel) {}

    /** By waiting task, in the order they went to sleep (deterministic walks). */
    private final Map<Task, Wait> waits = new LinkedHashMap<>();

    void sleeps(Task t, Object owner, Locks.Lock blocker, Object channel) {
        waits.entrySet().removeIf(e -> !e.getKey().sleepsOn(e.getValue().channel()));   // interrupted or gone since
        waits.put(t, new Wait(owner, blocker, channel));
    }

    void done(Task t) { waits.remove(t); }

    /** Whether {@code caller} waiting for {@code blocker} would wait for itself. */
    boolean deadlock(Object caller, Locks.Lock blocker) {
        for (int i = 0; i < MAX_DEADLK_ITERATIONS && blocker != null; i++) {
            if (blocker.owner() == caller) return true;
            blocker = waitingFor(blocker.owner());
        }
        return false;
    }

    /** The lock a task of {@code owner} sleeps for, or null (stale entries go on the way). */
    private Locks.Lock waitingFor(Object owner) {
        for (Iterator<Map.Entry<Task, Wait>> it = waits.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Task, Wait> e = it.next();
            if (!e.getKey().sleepsOn(e.getValue().channel())) { it.remove(); continue; }
            if (e.getValue().owner() == owner) return e.getValue().blocker();
        }
        return null;
    }
}
