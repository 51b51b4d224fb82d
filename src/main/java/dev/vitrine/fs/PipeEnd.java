package dev.vitrine.fs;


/** One end of a pipe or an open FIFO (a FIFO opened O_RDWR is both ends in one). */
public final class PipeEnd implements File {
    private final Pipe pipe;
    private final boolean read, write;
    private final Fifo fifo;
    private final long writeOpensAtOpen;
    private final Stat stat;
    private boolean closed;

    /**
     * {@code seenWriters}: POLLHUP shows only once the writer count has moved past this;
     * 0 except for a FIFO reader opened O_NONBLOCK before any writer (Linux's f_pipe).
     */
    PipeEnd(Pipe pipe, boolean read, boolean write, Fifo fifo, Stat stat, long seenWriters) {
        this.pipe = pipe;
        this.read = read;
        this.write = write;
        this.fifo = fifo;
        this.stat = stat;
        this.writeOpensAtOpen = seenWriters;
    }

    /** pipe2: a fresh pipe's read and write ends, on pipefs (an inode with no name, its maker's fsuid and fsgid). */
    public static PipeEnd[] pipe(Vfs vfs, int uid, int gid) {
        Pipe p = new Pipe(vfs.wakeup(), vfs.pipeBudget());
        p.openEnd(true, true);
        long now = vfs.now(), ino = vfs.nextIno();
        p.trace(vfs.tracer(), ino);
        Stat st = new Stat(Vfs.PIPEFS_DEV, ino, Stat.S_IFIFO | 0600, 1, uid, gid, 0, 0, 4096, 0, now, now, now);
        return new PipeEnd[] {new PipeEnd(p, true, false, null, st, 0), new PipeEnd(p, false, true, null, st, 0)};
    }

    public Pipe pipe() { return pipe; }

    /**
     * fifo_open on a pipe's own inode (an open of /proc/PID/fd/N): another end of the same pipe,
     * reading, writing or both as asked; a pipe, unlike a FIFO, never waits for the other side.
     */
    public PipeEnd reopen(boolean rd, boolean wr) {
        pipe.openEnd(rd, wr);
        return new PipeEnd(pipe, rd, wr, null, stat, 0);
    }
    public boolean isFifo() { return fifo != null; }

    @Override public long read(byte[] dst, int off, int len, long offset) {
        return pipe.piperead(dst, off, len);
    }

    @Override public long write(byte[] src, int off, int len, long offset) {
        return pipe.pipewrite(src, off, len, false);
    }

    /** The rest of a blocking write that was put to sleep part-way. */
    public long writeRest(byte[] src, int off, int len) { return pipe.pipewrite(src, off, len, true); }

    /** write(2) without a bounce buffer: straight from the source into the pipe's pages. */
    public long write(Pipe.Source src, int len, boolean resumed) { return pipe.pipewrite(src, len, resumed); }

    /** The same from an O_DIRECT description: packet mode. */
    public long write(Pipe.Source src, int len, boolean resumed, boolean packet) { return pipe.pipewrite(src, len, resumed, packet); }

    /** read(2) without a bounce buffer. */
    public long read(Pipe.Sink dst, int len) { return pipe.piperead(dst, len); }

    @Override public Stat stat() { return fifo != null ? fifo.stat() : stat; }

    @Override public Inode inode() { return fifo; }

    @Override public boolean pollable() { return true; }

    @Override public int poll() {
        int mask = 0;
        if (read) {
            if (!pipe.empty()) mask |= Poll.POLLIN | Poll.POLLRDNORM;
            if (pipe.writers == 0 && pipe.writeOpens != writeOpensAtOpen) mask |= Poll.POLLHUP;
        }
        if (write) {
            if (!pipe.full()) mask |= Poll.POLLOUT | Poll.POLLWRNORM;
            if (pipe.readers == 0) mask |= Poll.POLLERR;
        }
        return mask;
    }

    @Override public Object channel() { return pipe.channel(); }

    @Override public String describe() { return fifo != null ? "a FIFO" : "a pipe"; }

    @Override public void close() {
        if (closed) return;
        closed = true;
        pipe.closeEnd(read, write);
        if (fifo != null) fifo.released();
    }
}
