package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.function.Supplier;

/** The "bytes" of a /proc file: generated at each open; stat shows size 0, as Linux does. */
public final class ProcStore implements Store {
    private final Supplier<byte[]> bytes;
    /** For a file showing a process's memory: its source and pid, for proc_mem_open's check; else null and 0. */
    private final ProcSource owner;
    private final int pid;

    /** What a write of a sysctl file does (null: not writable). */
    private final java.util.function.ToLongFunction<byte[]> writer;

    /** Text whose chars are bytes: guest names and arguments are one char per byte (fs.Names), the rest is ASCII. */
    public ProcStore(Supplier<String> text) { this(latin1(text), null, 0, null); }

    private ProcStore(Supplier<byte[]> bytes, ProcSource owner, int pid, java.util.function.ToLongFunction<byte[]> writer) {
        this.bytes = bytes;
        this.owner = owner;
        this.pid = pid;
        this.writer = writer;
    }

    /** Whether epoll may watch it: the mount tables have mounts_poll, other /proc files no poll at all (EPERM). */
    private boolean pollable;
    /** A polled file's count of changes and the channel its pollers are woken on. */
    private java.util.function.LongSupplier events = () -> 0;
    private Object channel;

    /** The same text as a file that polls readable, and EPOLLPRI|EPOLLERR after each change {@code events} counts. */
    static ProcStore polled(Supplier<String> text, java.util.function.LongSupplier events, Object channel) {
        ProcStore p = new ProcStore(text);
        p.pollable = true;
        p.events = events;
        p.channel = channel;
        return p;
    }

    public boolean pollable() { return pollable; }
    long events() { return events.getAsLong(); }
    Object channel() { return channel; }

    /** A /proc/sys file: its text, and its write. */
    static ProcStore sysctl(Sysctl s) { return new ProcStore(latin1(s.read()), null, 0, s.write()); }

    /**
     * proc_sys_call_handler's write: the handler sees the bytes of one write; one at a non-zero
     * offset is taken whole and ignored (sysctl_writes_strict's default).
     */
    long write(byte[] src, int off, int len, long offset) {
        if (writer == null) return -Errno.EACCES;
        if (offset != 0 || len == 0) return len;
        return writer.applyAsLong(java.util.Arrays.copyOfRange(src, off, off + len));
    }

    private static Supplier<byte[]> latin1(Supplier<String> text) {
        return () -> text.get().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /** A file whose bytes are the guest's own (environ), not text. */
    static ProcStore raw(Supplier<byte[]> bytes) { return new ProcStore(bytes, null, 0, null); }

    /** The same bytes as a file showing process {@code pid}'s memory: opening it takes ptrace read access. */
    ProcStore memoryOf(ProcSource src, int pid) { return new ProcStore(bytes, src, pid, null); }

    /** Whether {@code c} of process {@code callerPid} may open it (EACCES otherwise, as proc_mem_open answers). */
    public boolean mayOpen(dev.vitrine.abi.Cred c, int callerPid) { return owner == null || owner.mayTrace(pid, c, callerPid); }

    public byte[] generate() { return bytes.get(); }

    @Override public long size() { return 0; }

    @Override public int read(long pos, byte[] dst, int off, int len) {
        byte[] b = generate();
        if (pos >= b.length) return 0;
        int n = (int) Math.min(len, b.length - pos);
        System.arraycopy(b, (int) pos, dst, off, n);
        return n;
    }

    @Override public void write(long pos, byte[] src, int off, int len) { throw new FsException(Errno.EACCES); }
    @Override public void truncate(long size) { throw new FsException(Errno.EACCES); }
}
