package dev.vitrine;

import dev.vitrine.fs.Terminal;
import dev.vitrine.proc.Signals;

import java.util.ArrayList;
import java.util.List;

/**
 * The host terminal's ^C and ^Z while a guest runs on it: SIGINT and SIGTSTP for the guest's
 * foreground process group instead of ending or stopping the JVM (the host's shell would
 * otherwise take the terminal back while the machine is frozen). A guest that ignores SIGINT
 * can still be left: the third ^C in a row ends the run with status 130. The host's ^\ stays
 * the JVM's (it reserves SIGQUIT for its thread dump), so it never reaches the guest.
 */
final class HostInterrupt {
    /** A host signal trapped, and the handler it had before. */
    @SuppressWarnings("removal")
    private record Trapped(sun.misc.Signal signal, sun.misc.SignalHandler previous) {}

    private final List<Trapped> trapped = new ArrayList<>();
    private int count;

    private HostInterrupt() {}

    /** {@code beforeHalt}: what the third ^C does before the JVM halts (the host terminal's settings back). */
    static HostInterrupt install(Terminal term, Runnable beforeHalt) {
        HostInterrupt h = new HostInterrupt();
        h.trap("INT", () -> {
            if (++h.count >= 3) {
                beforeHalt.run();
                System.err.println("\nvitrine: interrupted three times; stopping");
                Runtime.getRuntime().halt(130);
            }
            term.signal(Signals.SIGINT);
        });
        if (h.trapped.isEmpty()) return null;
        h.trap("TSTP", () -> term.signal(Signals.SIGTSTP));
        return h;
    }

    /** The host terminal's SIGWINCH: {@code action} runs on the signal's thread. */
    void onResize(Runnable action) { trap("WINCH", action); }

    @SuppressWarnings("removal")
    private void trap(String name, Runnable action) {
        try {
            sun.misc.Signal s = new sun.misc.Signal(name);
            trapped.add(new Trapped(s, sun.misc.Signal.handle(s, sig -> action.run())));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // A signal the JVM keeps for itself, or a platform without it: the host's default stays.
        }
    }

    /**
     * Stops the JVM as the host shell's job (the host's own SIGTSTP, its handler back to the
     * default for that moment); returns when the host continues it (`fg`, `bg`).
     */
    @SuppressWarnings("removal")
    void stopHostJob() {
        for (Trapped t : trapped) {
            if (!t.signal().getName().equals("TSTP")) continue;
            sun.misc.SignalHandler ours = sun.misc.Signal.handle(t.signal(), sun.misc.SignalHandler.SIG_DFL);
            try {
                Libc.raise(t.signal().getNumber());   // stops every thread of the JVM until the host's SIGCONT
            } catch (LinkageError e) {
                // No C library to call: the guest stays stopped, as a ^Z'd job of a shell that never continues it.
            } finally {
                sun.misc.Signal.handle(t.signal(), ours);
            }
        }
    }

    /** raise(3): sun.misc.Signal.raise refuses a signal whose handler is the default. */
    private static final class Libc {
        static { com.sun.jna.Native.register(Libc.class, dev.vitrine.fs.HostLibc.get()); }
        static native int raise(int sig);
    }

    @SuppressWarnings("removal")
    void restore() {
        for (Trapped t : trapped) sun.misc.Signal.handle(t.signal(), t.previous());
    }
}
