package dev.vitrine.conformance;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The corpus's house rules (see userland/tests/README.md), checked without any toolchain. */
class CorpusConventionsTest {
    private static final Path TESTS = ConformanceTest.projectRoot().resolve("userland/tests");

    @Test
    void everyProgramStartsWithAOneLineCommentNamingIt() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path c : files(".c")) {
            String name = GuestBuild.stripC(c.getFileName().toString());
            String first = Files.readAllLines(c).stream().findFirst().orElse("");
            if (!first.startsWith("/* " + name + ": ") || !first.endsWith(" */")) bad.add(c.getFileName() + ": " + first);
        }
        assertTrue(bad.isEmpty(), "first line must be /* NAME: what it checks */ in:\n" + String.join("\n", bad));
    }

    @Test
    void argsAndStdinFilesBelongToAProgram() throws IOException {
        List<String> orphans = new ArrayList<>();
        for (String ext : List.of(".args", ".stdin"))
            for (Path f : files(ext)) {
                String n = f.getFileName().toString();
                if (!Files.isRegularFile(TESTS.resolve(n.substring(0, n.length() - ext.length()) + ".c"))) orphans.add(n);
            }
        assertTrue(orphans.isEmpty(), "no NAME.c for: " + orphans);
    }

    private static List<Path> files(String ext) throws IOException {
        try (Stream<Path> s = Files.list(TESTS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ext)).sorted().toList();
        }
    }
}
