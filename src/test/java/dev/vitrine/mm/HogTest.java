package dev.vitrine.mm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The known memory hogs (hogs/hog.c), each in a child JVM held to -Xmx512m as a user's would
 * be: every one must end with Linux's errno or an OOM report within its time, the machine
 * must write its report, and the JVM must never run out of heap.
 */
class HogTest {
    /** A safety net, not a measure: a hog runs a few seconds alone, several times that on a loaded 2-core machine. */
    private static final long TIMEOUT_S = 90;
    private static Path exe;

    @BeforeAll static void compile() throws Exception {
        exe = dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/java/dev/vitrine/mm/hogs/hog.c"));
    }

    private record Run(int status, String output) {}

    /** vitrine run OPTIONS hog CASE in a JVM of 512 MiB heap; fails on a timeout. */
    private static Run run(String hogCase, String... options) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Xss16m", "-cp", System.getProperty("java.class.path"), "dev.vitrine.cli.Main", "run"));
        cmd.addAll(List.of(options));
        cmd.add(exe.toString());
        cmd.add(hogCase);
        Path out = Files.createTempFile("hog-" + hogCase, ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail(hogCase + " still running after " + TIMEOUT_S + " s:\n" + Files.readString(out, StandardCharsets.ISO_8859_1));
            }
            String text = Files.readString(out, StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("OutOfMemoryError"), hogCase + " exhausted the JVM:\n" + text);
            assertFalse(text.contains("Exception"), hogCase + " ended in a Java exception:\n" + text);
            return new Run(p.exitValue(), text);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static void has(Run r, String line) {
        assertTrue(r.output().contains(line), "expected \"" + line + "\" in:\n" + r.output());
    }

    @Test void aBigFileFillsTmpfsToItsLimitAndUnlinkGivesTheSpaceBack() throws Exception {
        Run r = run("bigfile", "--mem", "64M", "--swap", "64M");
        has(r, "bigfile: No space left on device after 31 MiB");   // half of RAM, less the program's own file
        has(r, "after unlink: 1048576");
        assertEquals(0, r.status());
        has(run("bigfile", "--tmpfs-size", "8M"), "bigfile: No space left on device after 7 MiB");
    }

    @Test void oneByteAtFourTebibytesHoldsOnePage() throws Exception {
        Run r = run("sparse", "--mem", "64M", "--swap", "64M");
        has(r, "pwrite 4T: 1");
        has(r, "size 4398046511105 blocks 8");
        has(r, "pread 4T: 1 z");
        has(r, "pread 2^44: 0");
        has(r, "pwrite 2^62: 1");
        has(r, "pwrite max-1: -1 Invalid argument");
        has(r, "pwrite max: -1 Invalid argument");
        assertEquals(0, r.status());
    }

    @Test void eightProcessesFillingPipesEndInErrnosOrOomKills() throws Exception {
        Run r = run("pipes", "--mem", "64M", "--swap", "64M");
        has(r, "pipes: 8 children ended");
        assertTrue(r.output().contains("Out of memory: Killed process") || r.output().contains("child: 1 pipes"), r.output());
        assertEquals(0, r.status());
    }

    @Test void sixteenGibibytesOfSharedMemoryEndInTheOomKiller() throws Exception {
        Run r = run("shared", "--mem", "64M", "--swap", "64M");
        has(r, "16G at once: Cannot allocate memory");   // more than RAM plus swap: the overcommit heuristic
        has(r, "Out of memory: Killed process 2 (hog)");   // the program is init's child, pid 2
        assertEquals(137, r.status());
    }

    @Test void eightyThousandMappingsMergeOrStopAtMaxMapCount() throws Exception {
        Run r = run("maps", "--mem", "64M", "--swap", "64M");
        has(r, "alike: 80000 mapped");
        has(r, "alternating: stopped by Cannot allocate memory (over 60000)");
        assertEquals(0, r.status());
    }

    @Test void aThreeGibibyteSparseProgramIsExecutedFromItsHeaders() throws Exception {
        Run r = run("execbig", "--mem", "64M", "--swap", "64M");
        has(r, "execbig: second run: from the sparse copy");
        assertEquals(0, r.status());
    }
}
