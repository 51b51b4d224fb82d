package dev.vitrine.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a guest binary under qemu-riscv64 on the host Linux kernel: the reference behaviour.
 *
 * <ul>
 * <li>argv: {@code -0 argv[0]} makes the guest's argv[0] exactly the one Vitrine gets.</li>
 * <li>environment: qemu hands its own environment to the guest, so it is started through
 *     {@code env -i} with only the given variables. qemu 7.2 rebuilds the guest environment
 *     in reverse order, so the list is passed reversed to give the guest the same
 *     {@code environ} order as Vitrine.</li>
 * <li>stdin, stdout and stderr are pipes (stdin gets the given bytes then EOF), so glibc sees
 *     non-terminal, fully buffered streams as it does under the test's Vitrine.</li>
 * <li>a run that does not finish within the timeout is killed and reported as a failure.</li>
 * <li>the working directory is a scratch directory, removed afterwards.</li>
 * </ul>
 */
public final class Oracle {
    /** Own threads: the common pool may have a single thread on a small machine, and these block. */
    private static final ExecutorService IO = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "oracle-io");
        t.setDaemon(true);
        return t;
    });

    private final Path qemu;
    /** The command that runs qemu as another user (setpriv ...), empty for the JVM's own. */
    private final List<String> runAs;

    public Oracle(Path qemu) { this(qemu, List.of()); }

    private Oracle(Path qemu, List<String> runAs) {
        this.qemu = qemu;
        this.runAs = List.copyOf(runAs);
    }

    /**
     * An oracle that runs the guest as Vitrine's default user, uid and gid 1000 without
     * supplementary groups: through setpriv when the tests run as root, directly when they run
     * as such a user; otherwise the test is skipped, as NativeOracleTest's chown test is: no
     * other user answers the same, and which user the tests run as is the host's choice.
     */
    /**
     * An oracle that runs the guest as root: the tests must run as root (else the test is
     * skipped). It runs in IPC and mount namespaces of its own (unshare --ipc --mount), as every
     * Vitrine machine has its own: a program may change /proc/sys/kernel's IPC limits or mount a
     * tmpfs without touching the host's or another test's.
     */
    public static Oracle asRoot(Path qemu) throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid != 0) org.junit.jupiter.api.Assumptions.abort("the oracle for a root program needs the tests to run as root");
        return new Oracle(qemu, List.of("unshare", "--ipc", "--mount"));
    }

    public static Oracle asUser1000(Path qemu) throws IOException {
        int uid = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        if (uid == 0) return new Oracle(qemu, List.of("setpriv", "--reuid=1000", "--regid=1000", "--clear-groups"));
        if (uid == 1000 && Files.readString(Path.of("/proc/self/status")).contains("Groups:\t \n")) return new Oracle(qemu);
        String msg = "the oracle for uid 1000 needs root (for setpriv) or uid 1000 without supplementary groups";
        org.junit.jupiter.api.Assumptions.abort(msg);
        throw new AssertionError("unreachable");
    }

    public GuestRun run(Path binary, List<String> argv, List<String> env, byte[] stdin, long timeoutSeconds)
            throws IOException, InterruptedException {
        return run(binary, argv, env, stdin, timeoutSeconds, null);
    }

    /** As above, in working directory {@code dir} (null: a scratch directory, removed afterwards). */
    public GuestRun run(Path binary, List<String> argv, List<String> env, byte[] stdin, long timeoutSeconds, Path dir)
            throws IOException, InterruptedException {
        // A scratch working directory, so nothing a guest (or a qemu core dump) leaves behind lands in the project.
        if (dir != null) return run(new ProcessBuilder(command(binary, argv, env)).directory(dir.toFile()), binary, stdin, timeoutSeconds);
        Path cwd = Files.createTempDirectory("vitrine-oracle");
        try {
            Path exe = binary;
            if (!runAs.isEmpty()) {
                // Another user's scratch directory, with a copy of the binary that user may read.
                cwd.toFile().setWritable(true, false);
                cwd.toFile().setExecutable(true, false);
                exe = Files.copy(binary, cwd.resolve(".oracle-" + binary.getFileName()));
                exe.toFile().setReadable(true, false);
                exe.toFile().setExecutable(true, false);
            }
            return run(new ProcessBuilder(command(exe, argv, env)).directory(cwd.toFile()), binary, stdin, timeoutSeconds);
        } finally {
            try (Stream<Path> left = Files.walk(cwd)) {
                left.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private List<String> command(Path binary, List<String> argv, List<String> env) {
        List<String> cmd = new ArrayList<>(runAs);
        cmd.add("env");
        cmd.add("-i");
        for (int i = env.size() - 1; i >= 0; i--) cmd.add(env.get(i));
        cmd.add(qemu.toString());
        cmd.add("-0");
        cmd.add(argv.get(0));
        cmd.add(binary.toString());
        cmd.addAll(argv.subList(1, argv.size()));
        return cmd;
    }

    private GuestRun run(ProcessBuilder pb, Path binary, byte[] stdin, long timeoutSeconds) throws IOException, InterruptedException {
        Process p = pb.start();
        CompletableFuture<byte[]> out = slurp(p.getInputStream());
        CompletableFuture<byte[]> err = slurp(p.getErrorStream());
        CompletableFuture<Void> in = CompletableFuture.runAsync(() -> {
            try (OutputStream o = p.getOutputStream()) {
                o.write(stdin);
            } catch (IOException ignored) {
                // the guest exited without reading everything: like a closed pipe on Linux
            }
        }, IO);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("qemu-riscv64 " + binary.getFileName() + " did not finish within " + timeoutSeconds + " s");
        }
        try {
            in.get(10, TimeUnit.SECONDS);
            byte[] o = out.get(10, TimeUnit.SECONDS), e = err.get(10, TimeUnit.SECONDS);
            int code = p.exitValue();
            // qemu re-raises a fatal guest signal on itself; Java reports that as 128 + signal.
            // (A guest exit(129..192) would look the same; no program in the corpus does that.)
            if (code > 128 && code <= 128 + 64) return new GuestRun(o, e, 0, code - 128, "qemu exit " + code);
            return new GuestRun(o, e, code, 0, "");
        } catch (ExecutionException | java.util.concurrent.TimeoutException ex) {
            throw new IOException("collecting qemu output", ex);
        }
    }

    private static CompletableFuture<byte[]> slurp(InputStream s) {
        return CompletableFuture.supplyAsync(() -> {
            try (s) {
                return s.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, IO);
    }
}
