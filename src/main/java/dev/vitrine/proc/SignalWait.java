package dev.vitrine.proc;

import static dev.vitrine.abi.Errno.*;

/**
 * Waiting for signals rather than handling them: rt_sigtimedwait (sigwait, sigwaitinfo)
 * takes a pending signal of a set synchronously; ppoll with no descriptors (glibc's pause)
 * sleeps until a handler runs or the timeout passes.
 */
public final class SignalWait {
    private SignalWait() {}

    public static final long SLEEPING = Long.MIN_VALUE + 1;

    /** The deadline a restarted rt_sigtimedwait or pause computed on its first run, or null on the first. */
    public static Long deadline(Task t) {
        return t.continuation instanceof Continuation.SigWait w ? Long.valueOf(w.deadline())
                : t.continuation instanceof Continuation.SignalSleep s ? Long.valueOf(s.deadline()) : null;
    }

    /** A pending signal of {@code set}, taken; its siginfo in {@code out[0]}. 0 when none is pending. */
    private static int takeFrom(Kernel k, Task t, long set, SigInfo[] out) {
        while (true) {
            long have = (t.pending.set() | t.proc.shared.set()) & set & ~Signals.UNBLOCKABLE;
            if (have == 0) return 0;
            int sig = Long.numberOfTrailingZeros(have) + 1;
            out[0] = SignalDelivery.take(k, t, sig);
            if (out[0] != null) return sig;   // else a stale timer signal, dropped
        }
    }

    /**
     * rt_sigtimedwait: the signal number and its siginfo in {@code out[0]}, -EAGAIN at the
     * deadline (-1 = none), -EINTR when another signal's handler ran, or SLEEPING.
     */
    public static long timedwait(Kernel k, Task t, long set, long deadline, SigInfo[] out) {
        int sig = takeFrom(k, t, set, out);
        if (sig != 0) { t.waitSet = 0; return sig; }
        if (deadline >= 0 && k.clock().now() >= deadline) { t.waitSet = 0; return -EAGAIN; }
        t.waitSet = set & ~Signals.UNBLOCKABLE;
        t.continuation = new Continuation.SigWait(deadline);
        k.sleepTimed(t, t, deadline, "sigwait: waiting for " + setText(set));
        return SLEEPING;
    }

    /** ppoll(NULL, 0, timeout, mask): 0 at the deadline; a handler makes it EINTR (see SignalDelivery). */
    public static long pause(Kernel k, Task t, long deadline, Long mask) {
        if (!(t.continuation instanceof Continuation.SignalSleep)) {
            t.continuation = new Continuation.SignalSleep(deadline);
            if (mask != null) {
                t.savedMask = t.blocked;
                t.restoreMask = true;
                t.blocked = mask & ~Signals.UNBLOCKABLE;
            }
        }
        if (deadline >= 0 && k.clock().now() >= deadline) {
            if (t.restoreMask) { t.blocked = t.savedMask; t.restoreMask = false; }
            return 0;
        }
        if (mask != null && SignalDelivery.hasDeliverable(t)) return -EINTR;
        k.sleepTimed(t, t, deadline, deadline < 0 ? "pause: waiting for a signal" : "ppoll: waiting for a signal or the timeout");
        return SLEEPING;
    }

    static String setText(long set) {
        StringBuilder b = new StringBuilder();
        for (int s = 1; s <= Signals.NSIG; s++)
            if ((set & Signals.bit(s)) != 0) b.append(b.length() == 0 ? "" : " or ").append(Signals.name(s));
        return b.length() == 0 ? "no signal" : b.toString();
    }
}
