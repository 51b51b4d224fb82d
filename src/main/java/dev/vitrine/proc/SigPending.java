package dev.vitrine.proc;

import java.util.ArrayList;
import java.util.List;

/**
 * Linux's struct sigpending: which signals are pending (bit sig-1) and a queue of siginfo,
 * oldest first. A real-time signal has one entry per send, each taken in turn; a standard
 * signal at most one (a second send while pending is dropped before it gets here). A send
 * past RLIMIT_SIGPENDING that Linux lets through anyway sets the bit with no entry: its
 * siginfo is lost and the taker sees SI_USER from pid 0.
 */
final class SigPending {
    private long set;
    private final List<SigInfo> queue = new ArrayList<>();

    long set() { return set; }

    boolean has(int sig) { return (set & Signals.bit(sig)) != 0; }

    /** Marks {@code sig} pending and queues {@code info} (charged to {@code u}), or only the bit when {@code info} is null. */
    void add(int sig, SigInfo info, UserCounts u) {
        set |= Signals.bit(sig);
        if (info == null) return;
        queue.add(info);
        if (info.kind() != SigInfo.Kind.TIMER) u.sigpending++;   // a POSIX timer's is preallocated, counted while the timer lives
    }

    /** Linux's collect_signal: the oldest instance of {@code sig}; the bit stays while another is queued. */
    SigInfo take(int sig, UserCounts u) {
        SigInfo found = null;
        boolean more = false;
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).signo() != sig) continue;
            if (found == null) {
                found = queue.remove(i--);
                if (found.kind() != SigInfo.Kind.TIMER) u.sigpending--;
            } else {
                more = true;
                break;
            }
        }
        if (!more) set &= ~Signals.bit(sig);
        return found != null ? found : SigInfo.kill(sig, SigInfo.SI_USER, 0, 0);
    }

    /** Drops every pending instance of the signals in {@code mask}. */
    void discard(long mask, UserCounts u) {
        if ((set & mask) == 0) return;
        set &= ~mask;
        queue.removeIf(i -> {
            boolean drop = (Signals.bit(i.signo()) & mask) != 0;
            if (drop && i.kind() != SigInfo.Kind.TIMER) u.sigpending--;
            return drop;
        });
    }

    /** A POSIX timer was set again or deleted: its queued signal goes (the bit too, if it was the last of {@code sig}). */
    void dropTimer(int sig, int timerId) {
        boolean more = false, dropped = false;
        for (int i = 0; i < queue.size(); i++) {
            SigInfo x = queue.get(i);
            if (x.signo() != sig) continue;
            if (!dropped && x.kind() == SigInfo.Kind.TIMER && x.pid() == timerId) {
                queue.remove(i--);
                dropped = true;
            } else more = true;
        }
        if (dropped && !more) set &= ~Signals.bit(sig);
    }
}
