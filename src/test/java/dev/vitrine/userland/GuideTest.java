package dev.vitrine.userland;

import dev.vitrine.conformance.Toolchain;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every command in docs/guide, run as the page writes it, and its output compared with the page:
 * the guide can no longer drift from what the machine does. Commands run with bash in a fresh
 * directory that holds {@code ./vitrine} (this build's classes) and {@code docs/guide/files}
 * (the pages' input files), so a page's command is what a reader pastes at the repository's
 * top. A command that fails shows its status as a last line {@code (exit status N)}, as the page
 * must. See {@link GuidePage} for the marks that mask what changes between runs.
 *
 * <p>After a change that alters an output for a good reason, {@code mvn -o test -Dtest=GuideTest
 * -Dvitrine.guide.update=true} writes the new outputs into the pages, keeping the marks where
 * they still fit ({@code =all} writes the bare outputs, marks gone); read the diff before
 * committing it, and the prose around it.
 */
class GuideTest {
    private static final Path GUIDE = Userland.ROOT.resolve("docs/guide");
    private static final long SECONDS = 180;

    @TestFactory
    Stream<DynamicTest> everyCommandPrintsWhatThePageShows() throws Exception {
        Toolchain.requireCompiler();
        Userland.build();
        Path work = workDirectory();
        List<GuidePage> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(GUIDE)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) pages.add(GuidePage.read(p));
        }
        Map<GuidePage.Transcript, CompletableFuture<List<String>>> runs = new LinkedHashMap<>();
        for (GuidePage page : pages) for (GuidePage.Transcript t : page.transcripts()) runs.put(t, new CompletableFuture<>());
        Assertions.assertFalse(runs.isEmpty(), "no transcripts found in " + GUIDE);
        // A page's commands run in order (one may write a file the next reads); pages run side by side.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        for (GuidePage page : pages)
            pool.submit(() -> {
                for (GuidePage.Transcript t : page.transcripts()) {
                    try {
                        runs.get(t).complete(run(work, t.command()));
                    } catch (Exception e) {
                        runs.get(t).completeExceptionally(e);
                    }
                }
            });
        pool.shutdown();
        String update = System.getProperty("vitrine.guide.update", "false");
        if (!update.equals("false")) update(runs, update.equals("all"));
        return runs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey().where() + " " + e.getKey().command(), () -> {
            List<String> actual = e.getValue().get();
            if (!GuidePage.matches(e.getKey().expected(), actual)) {
                List<String> exp = GuidePage.trim(e.getKey().expected());
                int bad = GuidePage.firstUnmatched(exp, actual);
                Assertions.fail(e.getKey().where() + ": `" + e.getKey().command() + "` printed something else than the page shows"
                        + (bad < 0 ? "" : bad < exp.size() ? "; first page line not printed: " + (e.getKey().outStart() + bad + 1) + ": " + exp.get(bad)
                                : "; more output than the page shows")
                        + " (if the change is right: -Dvitrine.guide.update=true, or edit the page)\n"
                        + diff(exp, GuidePage.trim(actual)));
            }
        }));
    }

    /** A directory laid out like the repository's top, as far as the pages' commands need. */
    private static Path workDirectory() throws IOException {
        Path work = Files.createTempDirectory("vitrine-guide-");
        work.toFile().deleteOnExit();
        Path launcher = work.resolve("vitrine");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.writeString(launcher, "#!/bin/sh\nexport LC_ALL=C.UTF-8\nexec " + java + " -Xss16m -Dvitrine.home=" + Userland.ROOT
                + " -cp " + System.getProperty("java.class.path") + " dev.vitrine.cli.Main \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createDirectories(work.resolve("docs/guide"));
        Path files = GUIDE.resolve("files");
        if (Files.isDirectory(files)) Files.createSymbolicLink(work.resolve("docs/guide/files"), files);
        return work;
    }

    private static List<String> run(Path work, String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command + " 2>&1").directory(work.toFile())
                .redirectInput(new File("/dev/null")).redirectErrorStream(true).start();
        byte[][] out = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                out[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                out[0] = new byte[0];
            }
        });
        reader.start();
        if (!p.waitFor(SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            reader.join(2000);
            return List.of("(still running after " + SECONDS + " s)");
        }
        reader.join();
        List<String> lines = new ArrayList<>(GuidePage.trim(List.of(new String(out[0], StandardCharsets.UTF_8).split("\n", -1))));
        if (p.exitValue() != 0) lines.add("(exit status " + p.exitValue() + ")");
        return lines;
    }

    /** Writes each unmarked transcript's actual output into its page, bottom up so line numbers hold. */
    private static void update(Map<GuidePage.Transcript, ? extends Future<List<String>>> runs, boolean marked) throws Exception {
        Map<Path, List<GuidePage.Transcript>> byPage = new LinkedHashMap<>();
        for (GuidePage.Transcript t : runs.keySet()) byPage.computeIfAbsent(t.page(), k -> new ArrayList<>()).add(t);
        for (var e : byPage.entrySet()) {
            List<String> lines = new ArrayList<>(Files.readAllLines(e.getKey(), StandardCharsets.UTF_8));
            List<GuidePage.Transcript> ts = new ArrayList<>(e.getValue());
            java.util.Collections.reverse(ts);
            for (GuidePage.Transcript t : ts) {
                List<String> actual = GuidePage.trim(runs.get(t).get());
                if (GuidePage.matches(t.expected(), actual)) continue;
                lines.subList(t.outStart(), t.outEnd()).clear();
                lines.addAll(t.outStart(), marked ? actual : GuidePage.refresh(t.expected(), actual));
            }
            Files.write(e.getKey(), lines, StandardCharsets.UTF_8);
        }
    }

    /** A line diff (longest common subsequence, marks honoured): "- " the page's line, "+ " the actual one. */
    private static String diff(List<String> expected, List<String> actual) {
        int n = expected.size(), m = actual.size();
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--)
            for (int j = m - 1; j >= 0; j--)
                lcs[i][j] = same(expected.get(i), actual.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        StringBuilder sb = new StringBuilder();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(expected.get(i), actual.get(j))) {
                sb.append("  ").append(actual.get(j++)).append('\n');
                i++;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) sb.append("+ ").append(actual.get(j++)).append('\n');
            else sb.append("- ").append(expected.get(i++)).append('\n');
        }
        return sb.toString();
    }

    private static boolean same(String expected, String actual) {
        return expected.trim().equals("...") || GuidePage.lineMatches(expected, actual);
    }
}
