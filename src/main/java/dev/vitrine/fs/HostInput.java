package dev.vitrine.fs;

import dev.vitrine.abi.Errno;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Executor;

/**
 * The host's stdin as a device with its own life. A guest read never makes the machine wait
 * for the host: bytes the host already holds are read at once on the machine's thread;
 * otherwise one request goes to a reader thread, the caller sleeps on this channel (EAGAIN
 * under O_NONBLOCK, not ready for poll), and the answer wakes it through the kernel's host
 * inbox. The reader holds at most one {@link #CHUNK} of bytes and asks the host for more only
 * when the guest has taken them all, so a guest that stops reading stops the host's writer.
 *
 * <p>Determinism. A <em>direct</em> stream (a regular file, /dev/null, an embedder's byte
 * array) is read on the machine's thread, as a file: the same bytes give the same reads. A
 * <em>live</em> stream (a host pipe, socket or terminal) is read the same way while the host
 * has bytes ready, so a guest that reads what a finished producer wrote sees the same reads
 * whatever the host's timing; only a read that finds the host pipe empty waits, and a pipe's
 * answer within {@link #GRACE_MS} (its end of file, bytes in flight) is taken by that read
 * itself. What a slower producer sends arrives when it arrives, as on Linux: the machine runs
 * other processes meanwhile. A pipe's end of file is final; a terminal's ^D ends one read.
 */
public final class HostInput {
    /** What the reader thread holds for the guest at most: a host pipe's default capacity. */
    public static final int CHUNK = 64 << 10;
    /** How long a read that found a host pipe empty waits for its answer before sleeping (host time). */
    static final long GRACE_MS = 50;

    private static final int IDLE = 0, WAITING = 1, DONE = 2;
    private static final int EOF = -1, ERROR = -2;

    private final InputStream in;
    private final boolean live;
    private final boolean terminal;
    private final Executor machine;
    private final Wakeup wakeup;
    private final Object lock = new Object();
    private byte[] chunk;
    private int start, end;
    private boolean ended;
    private volatile int state = IDLE;
    private int answer;
    private Thread reader;

    private HostInput(InputStream in, boolean live, boolean terminal, Executor machine, Wakeup wakeup) {
        this.in = in;
        this.live = live;
        this.terminal = terminal;
        this.machine = machine;
        this.wakeup = wakeup;
    }

    /** Read on the machine's thread, like a file: for regular files, character devices that never block, byte arrays. */
    public static HostInput direct(InputStream in, boolean terminal) {
        return new HostInput(in, false, terminal, Runnable::run, Wakeup.NONE);
    }

    /**
     * A stream that can make a reader wait (a pipe, a socket, a terminal): {@code machine} runs
     * an event on the machine's thread and is thread-safe (the kernel's host inbox);
     * {@code wakeup} wakes the guests sleeping on this channel.
     */
    public static HostInput live(InputStream in, boolean terminal, Executor machine, Wakeup wakeup) {
        return new HostInput(in, true, terminal, machine, wakeup);
    }

    public boolean terminal() { return terminal; }

    /** Whether a guest waits for the host's answer: a machine whose tasks all sleep then waits for the host. Any thread. */
    public boolean awaited() { return state != IDLE; }

    /** Bytes a read would get now (FIONREAD). */
    public int available() {
        if (start < end) return end - start;
        if (ended) return 0;
        synchronized (lock) {
            if (state == WAITING) return 0;
            if (state == DONE) return Math.max(takeAnswer(), 0);
        }
        try {
            return in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    /** read(2): bytes, 0 at end of file, -EAGAIN when the host has nothing yet, -EIO, or -EINTR for a raw ^C. */
    public long read(byte[] dst, int off, int len) {
        if (len == 0) return 0;
        if (!live) return readDirect(dst, off, len);
        int ready = fill();
        if (ready == EOF) {
            if (terminal) ended = false;   // ^D ends this read only
            return 0;
        }
        if (ready == ERROR) return -Errno.EIO;
        if (ready == 0) return -Errno.EAGAIN;
        return terminal ? takeLine(dst, off, len) : take(dst, off, len);
    }

    /** poll(2) readiness for reading. */
    public int poll() {
        if (!live) return Poll.POLLIN | Poll.POLLRDNORM;
        int ready = fill();
        if (ready == EOF) return terminal ? Poll.POLLIN | Poll.POLLRDNORM : Poll.POLLHUP;
        if (ready == 0) return 0;
        return Poll.POLLIN | Poll.POLLRDNORM;
    }

    private long readDirect(byte[] dst, int off, int len) {
        try {
            if (!terminal) return Math.max(in.read(dst, off, len), 0);
            // A terminal in canonical mode hands over at most one line per read.
            int n = 0;
            while (n < len) {
                int c = in.read();
                if (c < 0) break;
                if (c == 3) return interrupt(n);
                if (c == 4) break;
                dst[off + n++] = (byte) c;
                if (c == '\n') break;
            }
            return n;
        } catch (IOException e) {
            return -Errno.EIO;
        }
    }

    /** Bytes buffered (> 0), EOF, ERROR, or 0 when the answer has not come yet. Machine's thread only. */
    private int fill() {
        if (start < end) return end - start;
        if (ended) return EOF;
        synchronized (lock) {
            if (state == WAITING) return 0;
            if (state == DONE) return takeAnswer();
        }
        if (chunk == null) chunk = new byte[CHUNK];
        try {
            int ready = in.available();
            if (ready > 0) return took(in.read(chunk, 0, Math.min(ready, CHUNK)));
        } catch (IOException e) {
            return ERROR;
        }
        synchronized (lock) {
            state = WAITING;
            lock.notifyAll();
            if (reader == null) {
                reader = new Thread(this::readLoop, "vitrine-stdin");
                reader.setDaemon(true);
                reader.start();
            }
            if (terminal) return 0;
            long until = System.nanoTime() + GRACE_MS * 1_000_000;
            try {
                for (long left = GRACE_MS; state == WAITING && left > 0; left = (until - System.nanoTime()) / 1_000_000)
                    lock.wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return state == DONE ? takeAnswer() : 0;
        }
    }

    private int takeAnswer() {
        state = IDLE;
        return took(answer);
    }

    private int took(int n) {
        if (n == EOF || n == ERROR) {
            if (n == EOF) ended = true;
            return n;
        }
        start = 0;
        end = Math.max(n, 0);
        return end == 0 ? EOF : end;
    }

    private int take(byte[] dst, int off, int len) {
        int n = Math.min(len, end - start);
        System.arraycopy(chunk, start, dst, off, n);
        start += n;
        return n;
    }

    /** A terminal's canonical read: up to a newline; a raw ^C interrupts, a raw ^D ends the line or is end of file. */
    private long takeLine(byte[] dst, int off, int len) {
        int n = 0;
        while (n < len && start < end) {
            byte c = chunk[start++];
            if (c == 3) return interrupt(n);
            if (c == 4) break;
            dst[off + n++] = c;
            if (c == '\n') break;
        }
        return n;
    }

    private Runnable onInterrupt = () -> {};

    /** What a raw ^C in the input does (SIGINT to the foreground group). */
    public void setOnInterrupt(Runnable r) { onInterrupt = r; }

    private long interrupt(int n) {
        onInterrupt.run();
        return n > 0 ? n : -Errno.EINTR;
    }

    /** The reader thread: one host read per request, then a wake-up for the machine. */
    private void readLoop() {
        while (true) {
            synchronized (lock) {
                while (state != WAITING) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            int n;
            try {
                n = in.read(chunk, 0, CHUNK);
                if (n < 0) n = EOF;
            } catch (IOException e) {
                n = ERROR;
            }
            synchronized (lock) {
                answer = n;
                state = DONE;
                lock.notifyAll();
            }
            machine.execute(this::answered);
            if (n == EOF && !terminal) return;   // a pipe's end of file is final
        }
    }

    /** On the machine's thread: wake the sleepers unless the read that asked already took the answer. */
    private void answered() {
        if (state == DONE) wakeup.wakeup(this);
    }
}
