package dev.vitrine.conformance;

import dev.vitrine.Machine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a guest binary on Vitrine through the public {@link Machine} API, on its own thread (with a
 * large Java stack) so that a run that does not finish within the timeout fails the test instead
 * of hanging the build. stdout and stderr are in-memory streams and fds 0-2 are declared
 * non-terminals, as the oracle's pipes are.
 */
public final class VitrineRunner {
    /** A generous cap so a runaway guest stops on its own even if the timeout cannot stop it. */
    static final long MAX_INSTRUCTIONS = 4_000_000_000L;
    private static final long THREAD_STACK = 256L << 20;

    public GuestRun run(Path binary, List<String> argv, List<String> env, byte[] stdin, long timeoutSeconds) throws Throwable {
        return run(binary, argv, env, stdin, timeoutSeconds, b -> {});
    }

    /** As above, with {@code configure} applied to the machine's builder last (mounts, limits). */
    public GuestRun run(Path binary, List<String> argv, List<String> env, byte[] stdin, long timeoutSeconds,
                        java.util.function.Consumer<Machine.Builder> configure) throws Throwable {
        ByteArrayOutputStream out = new Capped(), err = new Capped(), diag = new Capped();
        Machine.Builder builder = Machine.builder()
                .stdin(new ByteArrayInputStream(stdin))
                .stdout(out)
                .stderr(err)
                .env(env)
                .tty(false)
                .diagnostics(new PrintStream(diag, true, StandardCharsets.UTF_8))
                .maxInstructions(MAX_INSTRUCTIONS);
        configure.accept(builder);
        Machine machine = builder.build();
        AtomicReference<Machine.Result> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(machine.run(binary, argv));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "vitrine-" + binary.getFileName(), THREAD_STACK);
        t.setDaemon(true);
        long start = System.nanoTime();
        t.start();
        t.join(timeoutSeconds * 1000);
        if (t.isAlive()) {
            t.interrupt();
            stop(t);
            throw new AssertionError("Vitrine did not finish " + binary.getFileName() + " within " + timeoutSeconds
                    + " s; stdout so far (" + out.size() + " bytes) ends with:\n" + Diff.tail(out.toString(), 10));
        }
        if (failure.get() != null) {
            Throwable e = failure.get();
            throw new AssertionError("Vitrine threw " + e + " running " + binary.getFileName() + "; stdout so far ("
                    + out.size() + " bytes) ends with:\n" + Diff.tail(out.toString(), 10) + "\nstderr:\n" + Diff.tail(err.toString(), 10) + "\nVitrine diagnostics:\n" + Diff.tail(diag.toString(), 20), e);
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        Machine.Result r = result.get();
        Object instructions = r.stats() == null ? null : r.stats().get("instructions");
        String perf = ms + " ms, " + instructions + " instructions";
        return new GuestRun(out.toByteArray(), err.toByteArray(), r.exitStatus(), r.signal(),
                r.report() == null || r.report().isBlank() ? perf : r.report() + "; " + perf, diag.toString(StandardCharsets.UTF_8));
    }

    /** Keeps at most {@link #LIMIT} bytes, so a guest printing in a loop cannot exhaust the test JVM's heap. */
    static final class Capped extends ByteArrayOutputStream {
        static final int LIMIT = 64 << 20;
        private boolean truncated;

        @Override public synchronized void write(int b) {
            if (count < LIMIT) super.write(b); else truncate();
        }

        @Override public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(LIMIT - count, 0);
            super.write(b, off, Math.min(len, room));
            if (len > room) truncate();
        }

        private void truncate() {
            if (truncated) return;
            truncated = true;
            byte[] mark = "\n[output truncated by the conformance harness at 64 MiB]\n".getBytes(StandardCharsets.UTF_8);
            super.write(mark, 0, mark.length);
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();   // a hung interpreter loop never checks interruption; Java 17 still honours stop()
        } catch (UnsupportedOperationException ignored) {
            // newer JDKs: the daemon thread is abandoned (maxInstructions bounds it)
        }
    }
}
