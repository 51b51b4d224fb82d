package dev.vitrine.fs;

/**
 * An open thing the fd API can read and write: a terminal, later regular files, pipes and
 * devices. Results are byte counts or a negative errno, as the syscall returns them.
 */
public interface File {
    /** Reads at {@code offset} (ignored by streams) into {@code dst}; 0 is end of file. */
    long read(byte[] dst, int off, int len, long offset);

    long write(byte[] src, int off, int len, long offset);

    Stat stat();

    /** Whether this file has a position (regular files) or is a stream (ESPIPE on lseek). */
    default boolean seekable() { return false; }

    /** Terminal ioctls answer only on a terminal. */
    default boolean isTerminal() { return false; }

    default void close() {}
}
