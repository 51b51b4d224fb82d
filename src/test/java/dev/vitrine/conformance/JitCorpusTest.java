package dev.vitrine.conformance;

import dev.vitrine.Machine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every corpus program (userland/tests) on two machines, one translating hot code to JVM
 * bytecode (every block head from its first entry: vitrine.jit.threshold=1) and one
 * interpreting: stdout, stderr, exit status and every figure of the run (instructions,
 * TLB hits and misses, walks, PTE reads and writes, faults, per process) must be equal.
 */
class JitCorpusTest {
    private static final long TIMEOUT_S = 120;
    private static String threshold;

    /** The hart reads the threshold when the machine boots: every run of this class translates from the first entry. */
    @BeforeAll static void translateEverything() {
        threshold = System.getProperty("vitrine.jit.threshold");
        System.setProperty("vitrine.jit.threshold", "1");
    }

    @AfterAll static void restore() {
        if (threshold == null) System.clearProperty("vitrine.jit.threshold"); else System.setProperty("vitrine.jit.threshold", threshold);
    }

    @TestFactory
    Stream<DynamicTest> translatedRunsEqualInterpretedRuns() throws Exception {
        Path root = ConformanceTest.projectRoot(), dir = root.resolve("userland/tests");
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.getFileName().toString().endsWith(".c")).sorted().toList();
        }
        return sources.stream().map(src -> DynamicTest.dynamicTest(src.getFileName().toString(), () -> {
            String name = GuestBuild.stripC(src.getFileName().toString());
            ConformanceTest.Program prog = ConformanceTest.Program.load(dir, name);
            Path bin = new GuestBuild(Toolchain.requireCompiler(), root.resolve(".vitrine-cache/conformance")).binary(src);
            Run jit = run(bin, prog, true), ref = run(bin, prog, false);
            assertEquals(ref.result.exitStatus(), jit.result.exitStatus(), name);
            assertEquals(ref.result.signal(), jit.result.signal(), name);
            assertArrayEquals(ref.out, jit.out, name + " stdout");
            assertArrayEquals(ref.err, jit.err, name + " stderr");
            assertNotNull(ref.result.stats(), name);
            assertEquals(ref.result.stats().toString(), jit.result.stats().toString(), name + " figures");
        }));
    }

    private record Run(Machine.Result result, byte[] out, byte[] err) {}

    private static Run run(Path bin, ConformanceTest.Program prog, boolean translate) throws Throwable {
        ByteArrayOutputStream out = new VitrineRunner.Capped(), err = new VitrineRunner.Capped();
        Machine machine = Machine.builder().stdin(new ByteArrayInputStream(prog.stdin())).stdout(out).stderr(err)
                .env(ConformanceTest.GUEST_ENV).tty(false).diagnostics(new PrintStream(new ByteArrayOutputStream()))
                .maxInstructions(VitrineRunner.MAX_INSTRUCTIONS).translate(translate).build();
        AtomicReference<Machine.Result> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(machine.run(bin, prog.argv()));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "jit-" + prog.name(), 256L << 20);
        t.setDaemon(true);
        t.start();
        t.join(TIMEOUT_S * 1000);
        if (t.isAlive()) throw new AssertionError(prog.name() + " did not finish within " + TIMEOUT_S + " s (translate " + translate + ")");
        if (failure.get() != null) throw failure.get();
        Map<String, Object> stats = result.get().stats();
        assertNotNull(stats);
        return new Run(result.get(), out.toByteArray(), err.toByteArray());
    }
}
