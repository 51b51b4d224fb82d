package dev.vitrine.fs;

import dev.vitrine.abi.Fcntl;
import dev.vitrine.abi.Errno;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A named pipe. Its pipe exists while some end is open; the last close throws away what is
 * left. Opens follow Linux's fifo_open: O_RDONLY waits for a writer and O_WRONLY for a
 * reader (each counts itself first, so two such opens meet); O_RDWR never waits;
 * O_RDONLY|O_NONBLOCK succeeds at once; O_WRONLY|O_NONBLOCK without a reader is ENXIO.
 */
public final class Fifo extends Inode {
    /** Thrown by {@link #open} when the caller must sleep on {@link #channel()} and retry. */
    public static final FsException MUST_WAIT = new FsException(Errno.EAGAIN);

    /** An open that counted itself and now waits for the other side's open count to move. */
    private record Waiting(PipeEnd end, boolean forWriter, long seen, java.util.function.BooleanSupplier alive) {}

    private final Vfs vfs;
    private final Map<Object, Waiting> waiting = new IdentityHashMap<>();
    private Pipe pipe;
    private int ends;

    public Fifo(Vfs vfs, long dev, int perm) { this(vfs, dev, vfs.nextIno(), perm); }

    public Fifo(Vfs vfs, long dev, long ino, int perm) {
        super(vfs, dev, ino, Stat.S_IFIFO | (perm & 07777));
        this.vfs = vfs;
    }

    @Override public long size() { return 0; }
    @Override protected long blocks() { return 0; }

    /** Where opens wait; the pipe's own channel once it exists. */
    public Object channel() { return this; }

    /**
     * Opens for {@code who} (the calling process, as an identity key). A restarted open
     * finds its earlier half-done open here instead of counting itself twice.
     */
    public PipeEnd open(Object who, java.util.function.BooleanSupplier alive, int accmode, boolean nonblock) {
        // A process that died waiting here (killed, not interrupted) no longer counts as an end.
        waiting.values().removeIf(x -> {
            if (x.alive().getAsBoolean()) return false;
            x.end().close();
            return true;
        });
        Waiting w = waiting.get(who);
        if (w != null) {
            Pipe p = w.end().pipe();
            long now = w.forWriter() ? p.writeOpens : p.readOpens;
            if (now == w.seen()) throw MUST_WAIT;
            waiting.remove(who);
            return w.end();
        }
        boolean rd = accmode != Fcntl.O_WRONLY, wr = accmode != Fcntl.O_RDONLY;
        if (accmode == Fcntl.O_WRONLY && nonblock && (pipe == null || pipe.readers == 0))
            throw new FsException(Errno.ENXIO);
        if (pipe == null) {
            pipe = new Pipe(vfs.wakeup(), vfs.pipeBudget());
            pipe.trace(vfs.tracer(), ino());
        }
        pipe.openEnd(rd, wr);
        ends++;
        boolean early = accmode == Fcntl.O_RDONLY && nonblock && pipe.writers == 0;
        PipeEnd end = new PipeEnd(pipe, rd, wr, this, null, early ? pipe.writeOpens : 0);
        vfs.wakeup().wakeup(channel());
        if (accmode == Fcntl.O_RDONLY && pipe.writers == 0 && !nonblock) {
            waiting.put(who, new Waiting(end, true, pipe.writeOpens, alive));
            throw MUST_WAIT;
        }
        if (accmode == Fcntl.O_WRONLY && pipe.readers == 0) {
            waiting.put(who, new Waiting(end, false, pipe.readOpens, alive));
            throw MUST_WAIT;
        }
        return end;
    }

    /** A waiting open given up (the process died or was interrupted): uncount it. */
    public void cancel(Object who) {
        Waiting w = waiting.remove(who);
        if (w != null) w.end().close();
    }

    public boolean hasWriter() { return pipe != null && pipe.writers > 0; }
    public boolean hasReader() { return pipe != null && pipe.readers > 0; }

    void released() {
        if (--ends == 0) {
            pipe.discard();
            pipe = null;
        }
    }
}
