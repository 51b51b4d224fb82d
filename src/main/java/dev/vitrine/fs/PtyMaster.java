package dev.vitrine.fs;

/** The master side, as an open of /dev/ptmx made it: reads the slave's output, writes its input. */
public final class PtyMaster implements PtyEnd {
    private final Pty pty;
    private final Device ptmx;

    PtyMaster(Pty pty, Device ptmx) {
        this.pty = pty;
        this.ptmx = ptmx;
    }

    @Override public Pty pty() { return pty; }
    @Override public boolean master() { return true; }
    @Override public long read(byte[] dst, int off, int len, long offset) { return pty.masterRead(dst, off, len); }
    @Override public long write(byte[] src, int off, int len, long offset) { return pty.masterWrite(src, off, len); }
    @Override public int poll() { return pty.masterPoll(); }
    @Override public Stat stat() { return ptmx.stat(); }
    @Override public Inode inode() { return ptmx; }
    @Override public void close() { pty.masterClosed(); }
    @Override public String describe() { return "a pseudo-terminal master"; }

    /** FIONREAD. */
    public int available() { return pty.masterAvailable(); }
}
