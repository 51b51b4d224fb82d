package dev.vitrine.fs;

/** One open of /dev/pts/N: a terminal with the slave's line discipline. */
public final class PtySlave implements PtyEnd, TtyRead {
    private final Pty pty;
    /** The node it was opened through: /dev/pts/N, or /dev/tty. */
    private final Inode node;

    PtySlave(Pty pty, Inode node) {
        this.pty = pty;
        this.node = node;
    }

    @Override public Pty pty() { return pty; }
    @Override public boolean master() { return false; }
    @Override public long read(byte[] dst, int off, int len, long offset) { return pty.slaveRead(dst, off, len, false); }
    @Override public long write(byte[] src, int off, int len, long offset) { return pty.slaveWrite(src, off, len); }
    @Override public int poll() { return pty.slavePoll(); }
    @Override public Stat stat() { return node.stat(); }
    @Override public Inode inode() { return node; }
    @Override public void close() { pty.slaveClosed(); }
    @Override public String describe() { return "the pseudo-terminal /dev/pts/" + pty.index(); }

    @Override public long readTimeoutNs() { return pty.hungUp() ? -1 : pty.terminal().readTimeoutNs(); }
    @Override public long readTimedOut(byte[] dst, int off, int len) { return pty.slaveRead(dst, off, len, true); }

    /** FIONREAD. */
    public int available() { return pty.hungUp() ? 0 : pty.terminal().available(); }
}
