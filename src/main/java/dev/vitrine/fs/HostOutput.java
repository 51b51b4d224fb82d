package dev.vitrine.fs;

import dev.vitrine.abi.Errno;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.Executor;

/**
 * The host's stdout and stderr as one device with its own life. A <em>direct</em> stream (a
 * file, /dev/null, an embedder's byte array) is written on the machine's thread. A
 * <em>live</em> one (a host pipe, socket or terminal, whose reader may stop reading) goes
 * through one queue of at most {@link #CAPACITY} bytes and one writer thread, so the bytes of
 * fds 1 and 2 reach the host in the order the guests wrote them, and a host reader that
 * stalls stops only the guests that write to it: a write that finds the queue full waits up
 * to {@link HostInput#GRACE_MS} of host time for room (a reader that keeps up never makes a
 * guest sleep, so the run stays the same), then the writer sleeps on this channel (EAGAIN
 * under O_NONBLOCK) and the writer thread's progress wakes it through the kernel's host
 * inbox. A host reader that left is EPIPE from then on (the write path sends SIGPIPE); what
 * was queued for it is dropped, as a pipe's buffer is when its reader goes.
 */
public final class HostOutput {
    /** The most bytes queued for the host: a host pipe's default capacity. */
    public static final int CAPACITY = 64 << 10;

    private record Chunk(int stream, byte[] bytes) {}

    private final OutputStream[] streams;
    private final boolean[] live;
    private final boolean[] terminal;
    private final Executor machine;
    private final Wakeup wakeup;
    private final Object channel;
    private final Object lock = new Object();
    private final ArrayDeque<Chunk> queue = new ArrayDeque<>();
    private final int[] failed = new int[3];
    private int queued;
    private boolean writing;
    private volatile boolean waiting;
    private Thread writer;

    /**
     * {@code streams[1]} and {@code streams[2]} (null: closed); {@code live[i]} when that host
     * side can make a writer wait; {@code machine} runs an event on the machine's thread and is
     * thread-safe (the kernel's host inbox); writers wait on {@code channel} (null: this device),
     * which /dev/tty shares with its input.
     */
    public HostOutput(OutputStream[] streams, boolean[] live, boolean[] terminal, Executor machine, Wakeup wakeup, Object channel) {
        this.channel = channel != null ? channel : this;
        this.streams = streams.clone();
        this.live = live.clone();
        this.terminal = terminal.clone();
        this.machine = machine;
        this.wakeup = wakeup;
    }

    /** Where a writer sleeps until the host takes bytes. */
    public Object channel() { return channel; }

    /** Whether a guest sleeps until the host takes bytes: the machine then waits for the host rather than for nothing. Any thread. */
    public boolean awaited() { return waiting; }

    public boolean open(int stream) { return streams[stream] != null; }

    /** write(2) to fd 1 or 2: bytes taken (fewer when the queue is nearly full), -EAGAIN when full, -EPIPE, -ENOSPC or -EIO. */
    public long write(int stream, byte[] src, int off, int len) {
        OutputStream out = streams[stream];
        if (out == null) return -Errno.EBADF;
        if (!live[stream]) {
            if (failed[stream] != 0) return -failed[stream];
            try {
                out.write(src, off, len);
                if (terminal[stream]) out.flush();
                return len;
            } catch (IOException e) {
                return -fail(stream, e);
            }
        }
        synchronized (lock) {
            if (failed[stream] != 0) return -failed[stream];
            if (len == 0) return 0;
            if (queued == CAPACITY) awaitRoom();
            if (failed[stream] != 0) return -failed[stream];
            int n = Math.min(len, CAPACITY - queued);
            if (n == 0) {
                waiting = true;
                return -Errno.EAGAIN;
            }
            queue.add(new Chunk(stream, Arrays.copyOfRange(src, off, off + n)));
            queued += n;
            lock.notifyAll();
            if (writer == null) {
                writer = new Thread(this::writeLoop, "vitrine-stdout");
                writer.setDaemon(true);
                writer.start();
            }
            return n;
        }
    }

    /**
     * The machine's own lines for host stream {@code stream} (--strace, diagnostics), in order
     * with what the guests wrote there: they wait for room in host time and never fail.
     */
    public OutputStream kernelStream(int stream) {
        return new OutputStream() {
            @Override public void write(int b) { write(new byte[] {(byte) b}, 0, 1); }

            @Override public void write(byte[] b, int off, int len) {
                while (len > 0) {
                    long n;
                    synchronized (lock) {
                        while (live[stream] && queued == CAPACITY && failed[stream] == 0 && writer != null && writer.isAlive()) {
                            try {
                                lock.wait();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            }
                        }
                        n = HostOutput.this.write(stream, b, off, len);
                    }
                    if (n <= 0) return;   // the host side is gone: the line goes nowhere
                    off += (int) n;
                    len -= (int) n;
                }
            }
        };
    }

    /** poll(2) readiness for writing. */
    public int poll(int stream) {
        if (streams[stream] == null) return 0;
        synchronized (lock) {
            if (failed[stream] != 0) return Poll.POLLERR;
            if (live[stream] && queued == CAPACITY) {
                waiting = true;
                return 0;
            }
            return Poll.POLLOUT | Poll.POLLWRNORM;
        }
    }

    /** The end of the run: everything queued reaches the host (or fails), host time. */
    public void flush() {
        synchronized (lock) {
            while ((queued > 0 || writing) && writer != null && writer.isAlive()) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        for (int s = 1; s < streams.length; s++) {
            try {
                if (streams[s] != null && failed[s] == 0) streams[s].flush();
            } catch (IOException ignored) {
                // The host closed its side; nothing left to tell it.
            }
        }
    }

    /** Holding the lock: a little host time for a reader that keeps up. */
    private void awaitRoom() {
        long until = System.nanoTime() + HostInput.GRACE_MS * 1_000_000;
        try {
            for (long left = HostInput.GRACE_MS; queued == CAPACITY && left > 0; left = (until - System.nanoTime()) / 1_000_000)
                lock.wait(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Java names a failed host write only in its message: a reader that left (the JVM ignores
     * SIGPIPE, so the write fails with EPIPE) stays failed, as a pipe without readers does.
     */
    private int fail(int stream, IOException e) {
        String m = String.valueOf(e.getMessage());
        int errno = m.contains("Broken pipe") || m.contains("Stream closed") ? Errno.EPIPE
                : m.contains("No space left") ? Errno.ENOSPC : Errno.EIO;
        if (errno == Errno.EPIPE) failed[stream] = errno;
        return errno;
    }

    /** The writer thread: the queue's chunks to the host in order; a wake-up when room appears for a sleeper. */
    private void writeLoop() {
        while (true) {
            Chunk c;
            synchronized (lock) {
                while (queue.isEmpty()) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                c = queue.poll();
                writing = true;
            }
            boolean error = false;
            try {
                streams[c.stream()].write(c.bytes());
                streams[c.stream()].flush();
            } catch (IOException e) {
                error = true;
                synchronized (lock) {
                    fail(c.stream(), e);
                    if (failed[c.stream()] == 0) failed[c.stream()] = Errno.EIO;   // a live stream that failed stays failed
                }
            }
            boolean wake;
            synchronized (lock) {
                queued -= c.bytes().length;
                writing = false;
                if (error) dropQueued(c.stream());
                wake = waiting;
                waiting = false;
                lock.notifyAll();
            }
            if (wake) machine.execute(() -> wakeup.wakeup(channel));
        }
    }

    /** Holding the lock: a failed stream's queued bytes go nowhere. */
    private void dropQueued(int stream) {
        for (var it = queue.iterator(); it.hasNext(); ) {
            Chunk c = it.next();
            if (c.stream() == stream) {
                queued -= c.bytes().length;
                it.remove();
            }
        }
    }
}
