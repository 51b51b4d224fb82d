package dev.vitrine.fs;

/** An open end of a pseudo-terminal: both are terminals whose termios, size and groups are the slave's. */
public sealed interface PtyEnd extends File permits PtyMaster, PtySlave {
    Pty pty();

    /** Whether this is the master (/dev/ptmx) side. */
    boolean master();

    @Override default boolean isTerminal() { return true; }
    @Override default boolean pollable() { return true; }
    @Override default Object channel() { return pty().channel(); }
}
