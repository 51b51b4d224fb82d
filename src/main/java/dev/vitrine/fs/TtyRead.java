package dev.vitrine.fs;

/** A terminal read through N_TTY, where a non-canonical read waits at most VTIME (the console, a pty slave). */
public interface TtyRead extends File {
    /** VTIME for a read that waits, in ns of machine time; -1: no limit. */
    long readTimeoutNs();

    /** read(2) once VTIME has run out: what is there, maybe nothing. */
    long readTimedOut(byte[] dst, int off, int len);
}
