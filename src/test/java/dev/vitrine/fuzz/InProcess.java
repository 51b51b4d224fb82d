package dev.vitrine.fuzz;

import dev.vitrine.Machine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a guest on Vitrine through the public {@link Machine} API on a thread of its own, with a
 * wall-clock limit: a run that throws, errs or does not end in time is reported, not fatal to the
 * test JVM. Output streams keep at most 1 MiB each.
 */
final class InProcess {
    private InProcess() {}

    record Run(Machine.Result result, Throwable thrown, boolean timedOut, String stdout, String stderr, String diagnostics) {
        /** What says Vitrine itself failed: a throwable, a hang, an internal-error line anywhere. */
        String failure() {
            if (timedOut) return "no end within the wall-clock limit: a hang";
            if (thrown != null) return "Machine.run threw " + thrown + " at " + top(thrown);
            String all = stderr + "\n" + diagnostics + "\n" + (result.report() == null ? "" : result.report());
            java.util.Set<String> lines = new java.util.LinkedHashSet<>();
            for (String line : all.split("\n"))
                if (ChildVitrine.FAILURE.matcher(line).find()) lines.add(line.replaceFirst("; pid \\d+ .*", ""));
            return lines.isEmpty() ? null : "internal failure lines:\n    " + String.join("\n    ", lines);
        }
    }

    static String top(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 ? "?" : st[0].toString();
    }

    static Run run(Path program, List<String> argv, long wallSeconds, Consumer<Machine.Builder> configure) {
        Capped out = new Capped(), err = new Capped(), diag = new Capped();
        Machine.Builder b = Machine.builder().stdout(out).stderr(err).tty(false)
                .diagnostics(new PrintStream(diag, true, StandardCharsets.UTF_8));
        configure.accept(b);
        Machine m = b.build();
        AtomicReference<Machine.Result> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(m.run(program, argv));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "fuzz-" + program.getFileName(), 64L << 20);
        t.setDaemon(true);
        t.start();
        try {
            t.join(wallSeconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        boolean hung = t.isAlive();
        if (hung) stop(t);
        return new Run(result.get(), thrown.get(), hung, out.text(), err.text(), diag.text());
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();   // a hung kernel loop never checks interruption; Java 17 still honours stop()
        } catch (UnsupportedOperationException ignored) {
            // newer JDKs: the daemon thread is abandoned
        }
    }

    static final class Capped extends ByteArrayOutputStream {
        private static final int LIMIT = 1 << 20;
        @Override public synchronized void write(int x) { if (count < LIMIT) super.write(x); }
        @Override public synchronized void write(byte[] x, int off, int len) { super.write(x, off, Math.min(len, Math.max(0, LIMIT - count))); }
        String text() { return toString(StandardCharsets.UTF_8); }
    }
}
