package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.util.function.Supplier;

/** The "bytes" of a /proc file: generated at each open; stat shows size 0, as Linux does. */
public final class ProcStore implements Store {
    private final Supplier<byte[]> bytes;

    /** Text whose chars are bytes: guest names and arguments are one char per byte (fs.Names), the rest is ASCII. */
    public ProcStore(Supplier<String> text) { this.bytes = () -> text.get().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1); }

    private ProcStore(Supplier<byte[]> bytes, boolean raw) { this.bytes = bytes; }

    /** A file whose bytes are the guest's own (environ), not text. */
    static ProcStore raw(Supplier<byte[]> bytes) { return new ProcStore(bytes, true); }

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
