package dev.vitrine.proc;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * What the host sends while the machine runs: the host terminal's ^C, and events of host
 * devices (stdin's reader thread saying bytes or end of file arrived). Other Java threads
 * post them, the kernel's loop takes them at its next turn. The only state the machine
 * shares with another thread, so the only place with synchronization.
 */
final class HostSignals {
    private final AtomicLong pending = new AtomicLong();
    private final ArrayDeque<Runnable> events = new ArrayDeque<>();
    private volatile boolean attached;
    private volatile BooleanSupplier inputAwaited = () -> false;

    void post(int sig) {
        pending.getAndUpdate(v -> v | Signals.bit(sig));
        synchronized (pending) { pending.notifyAll(); }
    }

    /** A host device's event, to run on the machine's thread. */
    void post(Runnable event) {
        synchronized (pending) {
            events.add(event);
            pending.notifyAll();
        }
    }

    long take() { return pending.getAndSet(0); }

    /** The posted device events, oldest first; runs them on the calling (machine's) thread. */
    void runEvents() {
        while (true) {
            Runnable e;
            synchronized (pending) { e = events.poll(); }
            if (e == null) return;
            e.run();
        }
    }

    /** Whether something can still come from the host that would wake a guest: ^C on its terminal, or awaited input. */
    boolean attached() { return attached || inputAwaited.getAsBoolean(); }
    void setAttached(boolean on) { attached = on; }
    void setInputAwaited(BooleanSupplier awaited) { inputAwaited = awaited; }

    boolean inputAwaited() { return inputAwaited.getAsBoolean(); }

    /** Blocks the machine's thread until a signal or event is posted. */
    void await() { await(-1); }

    /**
     * Blocks the machine's thread until a signal or event is posted or {@code ns} of host time
     * have passed (no limit if negative); returns the host time that passed, in ns. The one
     * place the kernel reads the host's clock: while a guest waits for host input.
     */
    long await(long ns) {
        long start = System.nanoTime();
        synchronized (pending) {
            while (pending.get() == 0 && events.isEmpty()) {
                long left = ns - (System.nanoTime() - start);
                if (ns >= 0 && left <= 0) break;
                try {
                    if (ns < 0) pending.wait();
                    else java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(pending, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return System.nanoTime() - start;
    }
}
