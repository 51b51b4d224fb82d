package dev.vitrine.cli;

import dev.vitrine.trace.Json;
import dev.vitrine.lab.ReplaceReport;
import dev.vitrine.lab.ReplaceSim;
import dev.vitrine.lab.ReplaceSweep;
import dev.vitrine.lab.Sizes;
import dev.vitrine.lab.TraceReader;
import dev.vitrine.lab.TraceRef;
import dev.vitrine.mm.replace.PolicyKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** `vitrine sim replace`: a reference string or address trace through the kernel's replacement policies. */
@Command(name = "replace", mixinStandardHelpOptions = true,
        description = {"Page replacement on a reference string or an address trace.",
                "TRACE lines: page numbers (1,2,3), 'R|W|X 0xADDR', or Valgrind Lackey output.",
                "A frame range (--frames 1-8) sweeps and reports Belady's anomaly; --svg draws it.",
                "--json and --csv: a row per policy (and frame count)."})
final class SimReplaceCommand implements Runnable {
    /** 2^20 frames: 4 GiB of 4 KiB pages, past any trace's working set. */
    static final int MAX_FRAMES = 1 << 20;

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TRACE", description = "trace file") Path trace;
    @Option(names = "--refs", paramLabel = "LIST", description = "reference string, e.g. 1,2,3,4,1,2,5") String refs;
    @Option(names = "--policy", defaultValue = "fifo", paramLabel = "P[,P...]",
            description = "fifo, lru, clock, opt, random, or all (default: ${DEFAULT-VALUE})") String policies;
    @Option(names = "--frames", defaultValue = "3", paramLabel = "N|N-M", description = "frame count or range (default: ${DEFAULT-VALUE})") String frames;
    @Option(names = "--page-size", defaultValue = "4K", description = "page size for address traces (default: ${DEFAULT-VALUE})") String pageSize;
    @Option(names = "--seed", defaultValue = "1", description = "seed for random (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--steps", paramLabel = "N", description = "list the first N references step by step (default: all up to 64)") Integer steps;
    @Option(names = "--svg", paramLabel = "FILE", description = "draw hit rate against frame count") Path svg;
    @Mixin LabFormat format;

    @Override public void run() {
        PrintWriter out = spec.commandLine().getOut();
        format.chosen();
        List<TraceRef> refsList = LabOptions.trace(trace, refs);
        int pageBits = Sizes.log2(Sizes.parse(pageSize, "page size"), "page size");
        long[] pages = TraceReader.pages(refsList, pageBits);
        List<PolicyKind> kinds = policies(policies);
        int[] range = LabOptions.range(frames, "--frames", MAX_FRAMES);
        LabOptions.checkSteps(steps);
        if (range[0] == range[1] && svg == null) {
            int keep = steps != null ? steps : pages.length <= 64 ? pages.length : 0;
            List<Object> all = new ArrayList<>();
            for (PolicyKind k : kinds) {
                ReplaceSim.Result r = ReplaceSim.run(pages, range[0], k, seed, keep);
                all.add(ReplaceReport.json(r));
                if (!format.any()) out.print(ReplaceReport.text(r));
            }
            if (format.json) out.println(Json.write(java.util.Map.of("results", all)));
            if (format.csv) out.print(dev.vitrine.lab.Csv.of(all, null));
        } else {
            ReplaceSweep.Result sw = ReplaceSweep.run(pages, kinds, range[0], range[1], seed);
            Map<String, Object> j = ReplaceReport.json(sw);
            if (format.json) out.println(Json.write(j));
            else if (format.csv) out.print(dev.vitrine.lab.Csv.of((List<?>) j.get("results"), null));
            else out.print(ReplaceReport.text(sw));
            if (svg != null) LabOptions.writeFile(svg, ReplaceReport.svg(sw, "page replacement: " + pages.length + " references"), out, format.any());
        }
        out.flush();
    }

    static List<PolicyKind> policies(String spec) {
        if (spec.strip().equalsIgnoreCase("all")) return List.of(PolicyKind.FIFO, PolicyKind.LRU, PolicyKind.CLOCK, PolicyKind.RANDOM, PolicyKind.OPT);
        List<PolicyKind> out = new ArrayList<>();
        for (String p : spec.split(",")) if (!p.isBlank()) out.add(PolicyKind.parse(p));
        if (out.isEmpty()) throw new IllegalArgumentException("no policy given");
        return out;
    }
}
