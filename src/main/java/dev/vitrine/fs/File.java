package dev.vitrine.fs;

/**
 * An open thing the fd API can read and write: a terminal, regular files, directories,
 * pipes and devices (Linux's file_operations). Results are byte counts or a negative
 * errno, as the syscall returns them. A stream that cannot go on now returns -EAGAIN and
 * names a {@link #channel()}: the syscall sleeps there unless the description is O_NONBLOCK.
 */
public interface File {
    /** Reads at {@code offset} (ignored by streams) into {@code dst}; 0 is end of file. */
    long read(byte[] dst, int off, int len, long offset);

    long write(byte[] src, int off, int len, long offset);

    Stat stat();

    /** Whether this file has a position (regular files) or is a stream (ESPIPE on lseek). */
    default boolean seekable() { return false; }

    /** lseek's last word: the position the description takes (devices pin it, as Linux's null_lseek does). */
    default long seek(long current, long requested) { return requested; }

    /**
     * Whether each read and write is one message (eventfd, timerfd, a datagram socket): the
     * write loop makes one call and returns what it moved, never splitting the buffer.
     */
    default boolean messages() { return false; }

    /** Terminal ioctls answer only on a terminal. */
    default boolean isTerminal() { return false; }

    default void close() {}

    /** The inode behind it, if it has one in the tree (for fchdir, getdents64, fchmod...). */
    default Inode inode() { return null; }

    /** poll(2) readiness: a mask of {@link Poll} bits. */
    default int poll() { return Poll.ALWAYS; }

    /** Whether the file has a poll method of its own (epoll_ctl refuses the others, regular files and /dev/null, with EPERM). */
    default boolean pollable() { return false; }

    /** Where a caller waits when this file said -EAGAIN; null if it never makes callers wait. */
    default Object channel() { return null; }

    /** How the deadlock report names it: "a pipe", "the terminal". */
    default String describe() { return "a file"; }
}
