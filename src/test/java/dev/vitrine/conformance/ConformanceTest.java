package dev.vitrine.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The C conformance corpus: every {@code userland/tests/NAME.c} is compiled with the riscv64 cross
 * compiler, run under qemu-riscv64 (Linux, the oracle) and on Vitrine with the same argv,
 * environment and stdin, and the two runs must agree on stdout, stderr and exit status.
 *
 * <p>Per program: {@code NAME.args} (optional) holds extra arguments, one per line;
 * {@code NAME.stdin} (optional) is fed to stdin. Both sides' outputs are kept in
 * {@code target/conformance/} for inspection.
 *
 * <p>System properties: {@code vitrine.conformance.only} (a regex on NAME) runs a subset;
 * {@code vitrine.conformance.timeout} (seconds, default 60) bounds each run.
 */
class ConformanceTest {
    /** The environment both sides give the guest, in this order. */
    static final List<String> GUEST_ENV = List.of("PATH=/bin:/usr/bin", "HOME=/home/user", "LANG=C", "VITRINE_TEST=conformance");

    private static final long TIMEOUT_S = Long.getLong("vitrine.conformance.timeout", 60);
    private static final Map<String, GuestRun> ORACLE_RUNS = new ConcurrentHashMap<>();
    private static final Map<String, Path> BINARIES = new ConcurrentHashMap<>();
    private static final Map<String, String> SUMMARY = new java.util.concurrent.ConcurrentSkipListMap<>();

    /** One line per program compared: verdict and Vitrine's figures, in target/conformance/SUMMARY.txt. */
    @AfterAll
    static void writeSummary() throws IOException {
        if (SUMMARY.isEmpty()) return;
        Path dir = projectRoot().resolve("target/conformance");
        Files.createDirectories(dir);
        StringBuilder sb = new StringBuilder();
        SUMMARY.forEach((name, line) -> sb.append(String.format("%-22s %s%n", name, line)));
        Files.writeString(dir.resolve("SUMMARY.txt"), sb.toString());
    }

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        Path root = projectRoot();
        Path testsDir = root.resolve("userland/tests");
        List<Path> sources;
        try (Stream<Path> s = Files.list(testsDir)) {
            sources = s.filter(p -> p.getFileName().toString().endsWith(".c")).sorted().toList();
        }
        assertFalse(sources.isEmpty(), "no C programs in " + testsDir);
        String only = System.getProperty("vitrine.conformance.only");
        Pattern filter = only == null || only.isBlank() ? null : Pattern.compile(only);
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path src : sources) {
            String name = GuestBuild.stripC(src.getFileName().toString());
            if (filter != null && !filter.matcher(name).find()) continue;
            Program prog = Program.load(testsDir, name);
            nodes.add(DynamicContainer.dynamicContainer(name, src.toUri(), Stream.of(
                    DynamicTest.dynamicTest("oracle: compiles and runs under qemu-riscv64", () -> oracle(root, prog)),
                    DynamicTest.dynamicTest("vitrine: same stdout, stderr and exit status as qemu", () -> vitrine(root, prog)))));
        }
        assertFalse(nodes.isEmpty(), "vitrine.conformance.only=" + only + " matches no program");
        return nodes.stream();
    }

    /**
     * Who a program runs as (NAME.cred): USER is uid 1000 on both sides (the oracle through
     * setpriv), ROOT is root on both (Vitrine's --root); without the file the oracle runs as
     * the test's own user and Vitrine as uid 1000, for programs whose output does not depend on it.
     */
    enum Cred { ANY, USER, ROOT }

    /** A corpus program: its source, argv (argv[0] is NAME), stdin bytes and who runs it. */
    record Program(String name, Path source, List<String> argv, byte[] stdin, Cred cred) {
        static Program load(Path dir, String name) throws IOException {
            List<String> argv = new ArrayList<>();
            argv.add(name);
            Path args = dir.resolve(name + ".args");
            if (Files.isRegularFile(args)) {
                String text = Files.readString(args, StandardCharsets.UTF_8);
                if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
                argv.addAll(Arrays.asList(text.split("\n", -1)));
            }
            Path in = dir.resolve(name + ".stdin");
            byte[] stdin = Files.isRegularFile(in) ? Files.readAllBytes(in) : new byte[0];
            Path cred = dir.resolve(name + ".cred");
            Cred who = Files.isRegularFile(cred) ? Cred.valueOf(Files.readString(cred).strip().toUpperCase(java.util.Locale.ROOT)) : Cred.ANY;
            return new Program(name, dir.resolve(name + ".c"), List.copyOf(argv), stdin, who);
        }
    }

    private static Path binary(Path root, Program prog) throws Exception {
        Path cc = Toolchain.requireCompiler();
        Path bin = BINARIES.get(prog.name());
        if (bin == null) {
            bin = new GuestBuild(cc, root.resolve(".vitrine-cache/conformance")).binary(prog.source());
            BINARIES.put(prog.name(), bin);
        }
        return bin;
    }

    private static GuestRun oracleRun(Path root, Program prog) throws Exception {
        GuestRun r = ORACLE_RUNS.get(prog.name());
        if (r != null) return r;
        Path bin = binary(root, prog);
        Path qemu = Toolchain.requireQemu();
        // qemu-user does not follow an execve into another riscv64 binary; the host kernel does with binfmt_misc.
        if (java.util.regex.Pattern.compile("\\bexec[lv]").matcher(Files.readString(prog.source())).find()) Binfmt.require();
        Oracle oracle = switch (prog.cred()) {
            case USER -> Oracle.asUser1000(qemu);
            case ROOT -> Oracle.asRoot(qemu);
            case ANY -> new Oracle(qemu);
        };
        r = oracle.run(bin, prog.argv(), GUEST_ENV, prog.stdin(), TIMEOUT_S);
        save(root, prog.name() + ".qemu", r);
        ORACLE_RUNS.put(prog.name(), r);
        return r;
    }

    private void oracle(Path root, Program prog) throws Exception {
        GuestRun r = oracleRun(root, prog);
        // Sanity of the reference itself: every corpus program prints; killed_* programs die by some signal,
        // others only by the one NAME.signal names.
        if (prog.name().startsWith("killed_"))
            assertTrue(r.signal() != 0, () -> prog.name() + " should die by a signal under qemu but " + r.status());
        else {
            int expected = expectedSignal(root, prog);
            assertEquals(expected, r.signal(), () -> prog.name() + " was killed under qemu (" + r.note() + "); stderr:\n" + r.stderrText());
        }
        assertTrue(r.stdout().length > 0, () -> prog.name() + " printed nothing under qemu; stderr:\n" + r.stderrText());
    }

    /** NAME.signal holds the number of the signal that kills NAME on Linux (e.g. 11 for a deliberate SIGSEGV); 0 if absent. */
    private static int expectedSignal(Path root, Program prog) throws IOException {
        Path f = root.resolve("userland/tests").resolve(prog.name() + ".signal");
        return Files.isRegularFile(f) ? Integer.parseInt(Files.readString(f).strip()) : 0;
    }

    private void vitrine(Path root, Program prog) throws Throwable {
        GuestRun expected = oracleRun(root, prog);
        Path bin = binary(root, prog);
        GuestRun actual;
        SUMMARY.put(prog.name(), "FAIL (Vitrine threw or timed out)");
        actual = new VitrineRunner().run(bin, prog.argv(), GUEST_ENV, prog.stdin(), TIMEOUT_S, b -> b.root(prog.cred() == Cred.ROOT));
        save(root, prog.name() + ".vitrine", actual);
        List<String> problems = new ArrayList<>();
        String d = Diff.firstDifference("stdout", expected.stdoutText(), actual.stdoutText());
        if (d != null) problems.add(d);
        d = Diff.firstDifference("stderr", expected.stderrText(), actual.stderrText());
        if (d != null) problems.add(d);
        if (expected.signal() != actual.signal() || (expected.signal() == 0 && expected.exitStatus() != actual.exitStatus()))
            problems.add("status: qemu " + expected.status() + ", vitrine " + actual.status()
                    + " (" + Diff.clip(actual.note()) + ")");
        SUMMARY.put(prog.name(), (problems.isEmpty() ? "same " : "DIFF ") + actual.status() + " (" + actual.note().replace("\n", " | ") + ")");
        if (!problems.isEmpty() && !actual.diagnostics().isBlank())
            problems.add("Vitrine diagnostics:\n" + Diff.tail(actual.diagnostics().strip(), 20));
        if (!problems.isEmpty())
            fail(prog.name() + ": Vitrine differs from qemu-riscv64 (outputs in target/conformance/)\n" + String.join("\n", problems));
    }

    private static void save(Path root, String base, GuestRun r) {
        try {
            Path dir = root.resolve("target/conformance");
            Files.createDirectories(dir);
            Files.write(dir.resolve(base + ".stdout"), r.stdout());
            Files.write(dir.resolve(base + ".stderr"), r.stderr());
            Path diag = dir.resolve(base + ".diagnostics");
            if (!r.diagnostics().isEmpty()) Files.writeString(diag, r.diagnostics());
            else Files.deleteIfExists(diag);
            Files.writeString(dir.resolve(base + ".status"), r.status() + (r.note().isEmpty() ? "" : " (" + r.note() + ")") + "\n");
        } catch (IOException ignored) {
            // inspection aid only
        }
    }

    /** The Maven project directory: surefire's working directory, or an ancestor holding userland/tests. */
    static Path projectRoot() {
        String basedir = System.getProperty("basedir");
        Path p = (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent())
            if (Files.isDirectory(q.resolve("userland/tests"))) return q;
        throw new IllegalStateException("cannot find userland/tests above " + p);
    }
}
