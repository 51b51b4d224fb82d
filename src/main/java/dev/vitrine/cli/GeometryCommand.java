package dev.vitrine.cli;

import dev.vitrine.lab.GeometryReport;
import dev.vitrine.trace.Json;
import dev.vitrine.lab.Region;
import dev.vitrine.mmu.TlbConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** `vitrine geometry`: pages, field widths, table sizes and TLB reach for any geometry. */
@Command(name = "geometry", mixinStandardHelpOptions = true,
        description = {"Pages, bits per field, PTE size, single- and multi-level table sizes, TLB reach.",
                "Without --mapped, the multi-level size is for a small process: 16 pages at the bottom, 16 at the top."})
final class GeometryCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin LabGeometryOptions geometry;

    @Option(names = "--mapped", paramLabel = "START-END|START+SIZE", description = "a mapped region (repeatable)") List<String> mapped;
    @Option(names = "--entry-bytes", paramLabel = "B,B,...", description = "entry size per level for the size sums (the chapter's 2,4)") String entryBytes;
    @Option(names = "--tlb-entries", paramLabel = "N", description = "TLB entries for the reach") Integer tlbEntries;
    @Option(names = "--json", description = "print one JSON object: {\"results\": [the geometry]}") boolean json;
    @Option(names = "--csv", description = "print a CSV table: one row") boolean csv;

    @Override public void run() {
        List<Region> regions = new ArrayList<>();
        if (mapped != null) for (String m : mapped) regions.add(Region.parse(m));
        int[] eb = null;
        if (entryBytes != null) {
            try {
                eb = Arrays.stream(entryBytes.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad --entry-bytes '" + entryBytes + "': expected sizes per level, e.g. 2,4");
            }
        }
        int tlb = tlbEntries != null ? tlbEntries : TlbConfig.DEFAULT.entries();
        GeometryReport r = GeometryReport.of(geometry.geometry(), eb, regions, tlb);
        PrintWriter out = spec.commandLine().getOut();
        if (json && csv) throw new IllegalArgumentException("give --json or --csv, not both");
        out.print(json ? Json.write(java.util.Map.of("results", List.of(r.json()))) + "\n" : csv ? dev.vitrine.lab.Csv.of(List.of(r.json()), null) : r.text());
        out.flush();
    }
}
