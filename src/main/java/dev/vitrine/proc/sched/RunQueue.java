package dev.vitrine.proc.sched;

import java.util.ArrayList;
import java.util.List;

/**
 * The ready list and the current slice (Linux's struct rq on one hart): tasks that may run,
 * in the order they became ready, each with when it did; who runs, how much of its slice is
 * left, and whether it must give up the hart at the next scheduling point. A {@link Policy}
 * only picks among the ready and sizes slices; the accounting of waiting time and of
 * voluntary and involuntary switches is done here for every policy alike.
 *
 * @param <T> the kernel's task
 */
public final class RunQueue<T extends RunQueue.Entity> {
    /** What the run queue needs of a task. */
    public interface Entity extends Policy.Schedulable {
        /** May run now: not sleeping, stopped or dead. */
        boolean runnable();
        boolean dead();
        /** When it last joined the ready list (kept by the run queue). */
        long readySince();
        void setReadySince(long now);
        /** Ready time spent waiting for the hart, in ns. */
        void waited(long ns);
        /** Lost the hart to another task: while still runnable (preempted) or not (blocked, stopped). */
        void switchedOut(boolean involuntary);
    }

    private final List<T> ready = new ArrayList<>();
    private Policy policy;
    private long quantum;
    private T running;
    private long sliceLeft;
    private boolean preempt, yielded;

    public RunQueue(Policy policy, long quantum) {
        this.policy = policy;
        this.quantum = quantum;
    }

    public Policy policy() { return policy; }
    public void setPolicy(Policy p) { policy = p; }
    public long quantum() { return quantum; }
    public void setQuantum(long n) { quantum = n; }

    /** Instructions left of the running task's slice. */
    public long sliceLeft() { return sliceLeft; }

    /** The running task ran {@code n} instructions of its slice. */
    public void ran(long n) { sliceLeft -= n; }

    /** A task became runnable at {@code now}: to the back of the list, unless it runs or waits already. */
    public void add(T t, long now) {
        if (t == running || queued(t) || !t.runnable()) return;
        t.setReadySince(now);
        ready.add(t);
    }

    public void remove(T t) { ready.remove(t); }

    /** {@code t} is gone (it died): off the list, and no longer the one running. */
    public void forget(T t) {
        remove(t);
        if (running == t) running = null;
    }

    /** sched_yield: the running task goes to the back at the next scheduling point, even under FIFO. */
    public void yield(T t) { if (t == running) yielded = true; }

    /** The next scheduling point picks afresh (a policy that switches at every syscall). */
    public void preempt() { preempt = true; }

    /**
     * Who runs next at {@code now}: the running task while its slice lasts, else the policy's
     * pick of the ready (the one running goes back to the list if it still may run). Null
     * when no one may run. A new pick starts a new slice.
     */
    public T pick(long now) {
        T prev = running;
        boolean keep = prev != null && prev.runnable() && sliceLeft > 0 && !preempt && !yielded;
        preempt = false;
        boolean back = yielded;
        yielded = false;
        if (keep) return prev;
        if (prev != null && prev.runnable()) {
            prev.setReadySince(now);
            if (policy.keepsCpu() && !back) ready.add(0, prev); else ready.add(prev);
        }
        ready.removeIf(x -> !x.runnable());
        // No one to run: the one that ran last stays "running", so if it wakes before anyone
        // else it goes on with the rest of its slice rather than joining the list.
        if (ready.isEmpty()) return null;
        T t = ready.remove(policy.pick(ready));
        t.waited(now - t.readySince());
        if (prev != null && prev != t && !prev.dead()) prev.switchedOut(prev.runnable());
        sliceLeft = policy.slice(quantum);
        running = t;
        return t;
    }

    private boolean queued(T t) { return ready.contains(t); }
}
