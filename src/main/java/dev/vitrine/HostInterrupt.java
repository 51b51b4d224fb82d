package dev.vitrine;

import dev.vitrine.fs.Terminal;

/**
 * The host's ^C while a guest runs on the host's terminal: it becomes SIGINT for the
 * guest's foreground process group instead of ending the JVM. A guest that ignores SIGINT
 * can still be left: the third ^C in a row ends the run with status 130.
 */
final class HostInterrupt {
    @SuppressWarnings("removal")
    private final sun.misc.SignalHandler previous;
    private int count;

    @SuppressWarnings("removal")
    private HostInterrupt(Terminal term) {
        previous = sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> {
            if (++count >= 3) {
                System.err.println("\nvitrine: interrupted three times; stopping");
                Runtime.getRuntime().halt(130);
            }
            term.interrupt();
        });
    }

    static HostInterrupt install(Terminal term) {
        try {
            return new HostInterrupt(term);
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return null;
        }
    }

    @SuppressWarnings("removal")
    void restore() { sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous); }
}
