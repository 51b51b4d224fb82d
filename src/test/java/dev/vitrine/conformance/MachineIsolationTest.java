package dev.vitrine.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Machines built one after another in the same JVM must not share state: a grader or a test
 * suite runs many programs in one process. Each program here runs twice on fresh Machines and
 * both runs must produce qemu's output. (Programs chosen for the machine-wide state they touch:
 * the signal trampoline page, generated code and the decoded-instruction cache, file mappings.)
 */
class MachineIsolationTest {
    private static final List<String> PROGRAMS = List.of("signal_basic", "smc_fencei", "mmap_file", "hello");

    @TestFactory
    Stream<DynamicTest> runTwice() throws Exception {
        Path root = ConformanceTest.projectRoot();
        Path tests = root.resolve("userland/tests");
        return PROGRAMS.stream().map(name -> DynamicTest.dynamicTest(name + " twice in one JVM", () -> {
            ConformanceTest.Program prog = ConformanceTest.Program.load(tests, name);
            Path bin = new GuestBuild(Toolchain.requireCompiler(), root.resolve(".vitrine-cache/conformance")).binary(prog.source());
            GuestRun oracle = new Oracle(Toolchain.requireQemu()).run(bin, prog.argv(), ConformanceTest.GUEST_ENV, prog.stdin(), 60);
            for (int round = 1; round <= 2; round++) {
                GuestRun v = new VitrineRunner().run(bin, prog.argv(), ConformanceTest.GUEST_ENV, prog.stdin(), 60);
                String where = name + ", Vitrine run " + round + " of 2 in this JVM";
                String d = Diff.firstDifference("stdout", oracle.stdoutText(), v.stdoutText());
                if (d != null) fail(where + ": " + d + "status: " + v.status() + " (" + v.note() + ")");
                assertEquals(oracle.status(), v.status(), where + " (" + v.note() + ")");
            }
        }));
    }
}
