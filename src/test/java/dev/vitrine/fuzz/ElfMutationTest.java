package dev.vitrine.fuzz;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Broken executables (ElfMutator: header and program-header fields, PT_INTERP, truncation, bit
 * flips) made from a static and a dynamic hello, each run through Machine.run with tight limits,
 * and again through execve(2) from a running guest (userland/fuzz/execmut.c, the mutant in a mount).
 * Allowed ends: a clean run, any exit status, death by a signal, a limit reached, one line from
 * the loader with status 126, or (through execve) an errno. Anything else fails: an exception out of Machine.run, an
 * internal-error line, a multi-line or Java-flavoured loader message, a hang.
 *
 * <p>{@code -Dvitrine.fuzz.mutants=N} sets the number per program (default 120); the soak raises it.
 */
class ElfMutationTest {
    static final int MUTANTS = Integer.getInteger("vitrine.fuzz.mutants", 120);
    static final long SEED = Long.getLong("vitrine.fuzz.elfseed", 1);

    @Test void staticHelloMutants() throws Exception {
        mutate("static hello", FuzzGuest.build("hello", "-static"), MUTANTS);
    }

    @Test void dynamicHelloMutants() throws Exception {
        mutate("dynamic hello", FuzzGuest.build("hello"), Math.max(1, MUTANTS / 2));
    }

    private static void mutate(String label, Path good, int count) throws Exception {
        InProcess.Run base = runOne(good);
        assertEquals(null, base.failure(), "the unmutated program");
        assertEquals(0, base.result().exitStatus(), "the unmutated program runs: " + base.result().report() + base.stderr());
        assertTrue(base.stdout().startsWith("hello from"), base.stdout());

        ElfMutator mutator = new ElfMutator(Files.readAllBytes(good));
        Path execmut = FuzzGuest.build("execmut", "-static");
        Path dir = Files.createTempDirectory("vitrine-elf-fuzz");
        List<String> failures = new ArrayList<>();
        Map<String, Integer> ends = new TreeMap<>();
        try {
            for (int i = 0; i < count; i++) {
                ElfMutator.Mutant m = mutator.mutant(SEED, i);
                Path file = dir.resolve("hello");
                Files.write(file, m.image());
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                InProcess.Run r = runOne(file);
                String why = r.failure();
                if (why == null && r.result().exitStatus() == 126) {
                    String report = r.result().report();
                    if (report == null || report.isBlank() || report.strip().contains("\n") || report.contains("Exception"))
                        why = "status 126 without one clear line: " + report;
                }
                if (why != null) failures.add("mutant " + i + " (" + m.description() + "): " + why);
                else ends.merge(end(r), 1, Integer::sum);
                // the same image through execve(2) from a running process: SysExec, and a failure past the point of no return
                InProcess.Run e = InProcess.run(execmut, List.of("execmut", "/mnt/m/hello"), 30, b -> limits(b).mount(dir + ":/mnt/m"));
                String ewhy = e.failure();
                if (ewhy != null) failures.add("mutant " + i + " (" + m.description() + ") through execve: " + ewhy);
                else ends.merge(e.stdout().startsWith("execve: ") ? e.stdout().strip() : "execve, then " + end(e), 1, Integer::sum);
            }
        } finally {
            Files.deleteIfExists(dir.resolve("hello"));
            Files.deleteIfExists(dir);
        }
        System.out.println(label + ", " + count + " mutants, seed " + SEED + ": " + ends);
        if (!failures.isEmpty()) fail(failures.size() + " of " + count + " mutants of the " + label + " broke Vitrine:\n  " + String.join("\n  ", failures));
    }

    private static String end(InProcess.Run r) {
        int s = r.result().exitStatus();
        if (r.result().killedBySignal()) return "signal " + r.result().signal();
        return switch (s) {
            case 0 -> "clean";
            case 124 -> "limit";
            case 126 -> "loader refused";
            default -> "status " + s;
        };
    }

    private static InProcess.Run runOne(Path program) {
        return InProcess.run(program, List.of("hello"), 30, ElfMutationTest::limits);
    }

    private static dev.vitrine.Machine.Builder limits(dev.vitrine.Machine.Builder b) {
        return b.memory(32L << 20).swap(8L << 20).maxInstructions(20_000_000).maxTime(1_000_000_000L);
    }
}
