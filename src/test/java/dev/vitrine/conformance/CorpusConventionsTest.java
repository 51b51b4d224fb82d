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
    void everyProgramStartsWithACommentSayingWhatItChecks() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path c : files(".c")) {
            String text = Files.readString(c);
            int end = text.indexOf("*/");
            if (!text.startsWith("/*") || end < 0 || text.substring(2, end).strip().length() < 20)
                bad.add(c.getFileName() + ": " + text.lines().findFirst().orElse(""));
        }
        assertTrue(bad.isEmpty(), "a program must open with a comment saying what it checks:\n" + String.join("\n", bad));
    }

    @Test
    void signalFilesHoldASignalNumber() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path f : files(".signal")) {
            String v = Files.readString(f).strip();
            if (!v.matches("[1-9][0-9]?") || Integer.parseInt(v) > 64) bad.add(f.getFileName() + ": " + v);
        }
        assertTrue(bad.isEmpty(), "NAME.signal must hold one signal number 1-64: " + bad);
    }

    @Test
    void sideFilesBelongToAProgram() throws IOException {
        List<String> orphans = new ArrayList<>();
        for (String ext : List.of(".args", ".stdin", ".signal", ".cred"))
            for (Path f : files(ext)) {
                String n = f.getFileName().toString();
                if (!Files.isRegularFile(TESTS.resolve(n.substring(0, n.length() - ext.length()) + ".c"))) orphans.add(n);
            }
        assertTrue(orphans.isEmpty(), "no NAME.c for: " + orphans);
    }

    @Test
    void credFilesNameUserOrRoot() throws IOException {
        List<String> bad = new ArrayList<>();
        for (Path f : files(".cred")) {
            String v = Files.readString(f).strip();
            if (!v.equals("user") && !v.equals("root")) bad.add(f.getFileName() + ": " + v);
        }
        assertTrue(bad.isEmpty(), "NAME.cred must hold user or root: " + bad);
    }

    private static List<Path> files(String ext) throws IOException {
        try (Stream<Path> s = Files.list(TESTS)) {
            return s.filter(p -> p.getFileName().toString().endsWith(ext)).sorted().toList();
        }
    }
}
