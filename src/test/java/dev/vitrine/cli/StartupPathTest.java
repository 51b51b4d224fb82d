package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What `vitrine run PROGRAM` leaves unloaded when the program never needs it (docs/performance.md,
 * Start-up): picocli (a plain command line), JNA (no guest looked into a host mount, its /mnt/host
 * included) and the translator's ASM (nothing got hot). Each was a tenth or more of a short run.
 */
class StartupPathTest {
    @TempDir Path dir;

    @Test void aShortPlainRunLoadsNeitherPicocliNorJnaNorAsm() throws Exception {
        Path log = dir.resolve("classes.log"), cwd = Files.createDirectories(dir.resolve("cwd"));
        var cmd = new java.util.ArrayList<>(CliGuests.command("-Xlog:class+load=info:file=" + log));
        cmd.addAll(List.of("run", CliGuests.build("args").toString(), "one", "two"));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectInput(new java.io.File("/dev/null")).start();
        CliGuests.Result r = CliGuests.finish(p, 120);
        assertEquals(0, r.status(), r.err());
        assertEquals("one\ntwo\n", r.out());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" dev.vitrine.cpu.Hart ")), "the log lists the run's classes");
        for (String pkg : List.of("picocli.", "com.sun.jna.", "org.objectweb.asm."))
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains("] " + pkg)).limit(3).toList(), pkg);
    }
}
