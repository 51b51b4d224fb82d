package dev.vitrine.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs {@code vitrine run ...} in a child JVM with a 512 MiB heap, so that a guest which exhausts
 * the JVM, crashes it or hangs it fails the fuzz run instead of the build: the child is killed at
 * the wall-clock timeout. stdin is empty; stdout and stderr go to files, read back at most 1 MiB each.
 */
final class ChildVitrine {
    private ChildVitrine() {}

    record Result(int status, String stdout, String stderr, boolean timedOut, long millis) {
        /** Lines that say Vitrine itself failed: an internal error, a Java exception or error, a JVM crash. */
        List<String> vitrineFailures() {
            java.util.Set<String> lines = new java.util.LinkedHashSet<>();
            for (String line : stderr.split("\n"))
                if (FAILURE.matcher(line).find()) lines.add(line.replaceFirst("; pid \\d+ .*", ""));
            List<String> out = new ArrayList<>(lines.stream().limit(30).toList());
            if (timedOut) out.add("no end within the wall-clock limit (" + millis + " ms): a hang");
            return out;
        }
    }

    /** An internal-error line, a Java throwable's name, a stack frame, or the JVM's own fatal report. */
    static final Pattern FAILURE = Pattern.compile(
            "vitrine: internal error|^\\s+at [a-z]|(Exception|Error)(:|$| in thread)|^Caused by|# A fatal error|hs_err_pid|^Exception in thread");

    static Result run(List<String> vitrineArgs, long timeoutSeconds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-Xss16m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), "dev.vitrine.cli.Main", "run"));
        cmd.addAll(vitrineArgs);
        Path out = Files.createTempFile("vitrine-fuzz", ".out"), err = Files.createTempFile("vitrine-fuzz", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectInput(new File("/dev/null"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new Result(done ? p.exitValue() : -1, head(out), head(err), !done, ms);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String head(Path p) throws IOException {
        byte[] b = Files.readAllBytes(p);
        int n = Math.min(b.length, 1 << 20);
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}
