package dev.vitrine.proc;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Signals the host's terminal sends (^C) while the machine runs: another Java thread posts
 * them, the kernel's loop takes them at its next turn. The only state the machine shares
 * with another thread, so the only place with synchronization.
 */
final class HostSignals {
    private final AtomicLong pending = new AtomicLong();
    private volatile boolean attached;

    void post(int sig) {
        pending.getAndUpdate(v -> v | Signals.bit(sig));
        synchronized (pending) { pending.notifyAll(); }
    }

    long take() { return pending.getAndSet(0); }

    boolean attached() { return attached; }
    void setAttached(boolean on) { attached = on; }

    /** Blocks the machine's thread (host time; the virtual clock stands still) until a signal is posted. */
    void await() {
        synchronized (pending) {
            while (pending.get() == 0) {
                try {
                    pending.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
