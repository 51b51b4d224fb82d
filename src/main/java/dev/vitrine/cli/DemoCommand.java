package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.mmu.Geometry;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** `vitrine demo`: a sample program, then what the machine saw while running it under each geometry. */
@Command(name = "demo", description = "Run the sample program and show what happened inside.", mixinStandardHelpOptions = true)
final class DemoCommand implements Callable<Integer> {

    @Override public Integer call() throws Exception {
        Path source = home().resolve("userland/demo/demo.c");
        if (!Files.exists(source)) throw new IllegalArgumentException("demo source not found at " + source + " (run ./vitrine from the repository)");
        Path exe = GuestCompiler.compile(source);
        PrintStream out = System.out;
        out.println("$ vitrine run --stats userland/demo/demo.c");
        Map<String, Object> first = null;
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-8s %7s %12s %10s %8s %10s %8s%n", "paging", "levels", "instructions", "TLB hits",
                "walks", "PTE reads", "PT frames"));
        for (Geometry g : Geometry.PRESETS) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            Machine.Result r = Machine.builder().paging(g).stdout(buf).stderr(System.err).build().run(exe, List.of("demo"));
            if (first == null) {
                out.print(buf.toString(StandardCharsets.UTF_8));
                first = r.stats();
                out.println();
                StatsReport.print(out, r.stats(), g);
                out.println();
                out.println("The same binary under every page-table geometry (same output, different tables):");
            }
            Map<String, Object> s = r.stats();
            long hits = n(s, "tlb.fetch.hits") + n(s, "tlb.data.hits");
            long misses = n(s, "tlb.fetch.misses") + n(s, "tlb.data.misses");
            table.append(String.format("%-8s %7d %12d %9.2f%% %8d %10d %8d (%d KiB)%n", g.name(), g.levels(), n(s, "instructions"),
                    100.0 * hits / Math.max(1, hits + misses), n(s, "walks"), n(s, "pte_reads"), n(s, "page_table_frames"),
                    n(s, "page_table_bytes") / 1024));
            if (r.exitStatus() != 0) {
                out.println("demo failed under " + g.name() + ": status " + r.exitStatus() + " " + r.report());
                return 1;
            }
        }
        out.print(table);
        out.println();
        out.println("A walk reads one PTE per level, so deeper tables cost more on each TLB miss; the flat 32-bit");
        out.println("table needs no walk beyond one read but 4 MiB of frames, the two-level one a handful.");
        return 0;
    }

    private static long n(Map<String, Object> s, String k) { return ((Number) s.getOrDefault(k, 0L)).longValue(); }

    static Path home() {
        String h = System.getProperty("vitrine.home");
        return h != null ? Path.of(h) : Path.of("").toAbsolutePath();
    }
}
