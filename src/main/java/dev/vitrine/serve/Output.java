package dev.vitrine.serve;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The guest's fds 1 and 2 as the page shows them: every byte in the order written, the first
 * {@link #LIMIT} kept (a run that prints more keeps printing; the page says how much it left out).
 */
public final class Output extends OutputStream {
    static final int LIMIT = 1 << 20;

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long total;

    @Override public synchronized void write(int b) {
        total++;
        if (kept.size() < LIMIT) kept.write(b);
    }

    @Override public synchronized void write(byte[] b, int off, int len) {
        total += len;
        int room = LIMIT - kept.size();
        if (room > 0) kept.write(b, off, Math.min(room, len));
    }

    public synchronized long total() { return total; }

    /** The bytes kept, as UTF-8 (a byte that is not becomes U+FFFD). */
    public synchronized String text() { return kept.toString(StandardCharsets.UTF_8); }

    public synchronized byte[] bytes() { return kept.toByteArray(); }
}
