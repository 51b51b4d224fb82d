package dev.vitrine.cli;


import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The CLI tests' guests (src/test/resources/cli, static riscv64, cached by source date) and
 * the `vitrine` command as a child JVM on this build's classes, for what needs real host fds.
 */
final class CliGuests {
    private CliGuests() {}

    static Path build(String name) throws IOException, InterruptedException {
        return dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/resources/cli", name + ".c"));
    }

    /** `java ... dev.vitrine.cli.Main` on this test JVM's class path: the classes this build compiled and their libraries. */
    static List<String> command(String... jvmOptions) {
        String cp = System.getProperty("java.class.path");
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss16m"));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-cp", cp, "dev.vitrine.cli.Main"));
        return cmd;
    }

    /** The same as one line for bash. */
    static String vitrine(String... jvmOptions) { return String.join(" ", command(jvmOptions)); }

    record Result(int status, String out, String err) {}

    /** Runs a bash command line (pipes, closed fds) with stdin from /dev/null; fails after {@code seconds}. */
    static Result bash(String command, long seconds) throws Exception {
        Process p = new ProcessBuilder(List.of("bash", "-c", command)).redirectInput(new File("/dev/null")).start();
        return finish(p, seconds);
    }

    static Result finish(Process p, long seconds) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        Thread a = new Thread(() -> copy(p.getInputStream(), out)), b = new Thread(() -> copy(p.getErrorStream(), err));
        a.start();
        b.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            a.join(2000);
            b.join(2000);
            throw new AssertionError("still running after " + seconds + " s; stdout so far:\n" + tail(out.toString(StandardCharsets.UTF_8))
                    + "\nstderr:\n" + err.toString(StandardCharsets.UTF_8));
        }
        a.join();
        b.join();
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void copy(java.io.InputStream in, java.io.OutputStream out) {
        try {
            in.transferTo(out);
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    private static String tail(String s) { return s.length() > 2000 ? s.substring(s.length() - 2000) : s; }
}
