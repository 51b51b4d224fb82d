package dev.vitrine.cli;

import dev.vitrine.trace.Json;
import dev.vitrine.lab.Sizes;
import dev.vitrine.lab.TlbReport;
import dev.vitrine.lab.TlbSim;
import dev.vitrine.mmu.TlbConfig;
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
import java.util.Locale;

/** `vitrine sim tlb`: an address trace through the mmu's own TLB model. */
@Command(name = "tlb", mixinStandardHelpOptions = true,
        description = {"TLB hits and misses on an address trace, using the machine's own TLB model.",
                "TRACE lines: page numbers, 'R|W|X 0xADDR', or Valgrind Lackey output.",
                "An entry range (--entries 1-16) sweeps; --svg draws hit rate against size.",
                "--json and --csv: a row per TLB size."})
final class SimTlbCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "TRACE", description = "trace file") Path trace;
    @Option(names = "--refs", paramLabel = "LIST", description = "page numbers, e.g. 0,1,0,2") String refs;
    @Option(names = "--entries", defaultValue = "4", paramLabel = "N|N-M", description = "TLB entries or a range (default: ${DEFAULT-VALUE})") String entries;
    @Option(names = "--ways", paramLabel = "W", description = "ways per set (default: fully associative)") Integer ways;
    @Option(names = "--policy", defaultValue = "lru", description = "lru, fifo or random (default: ${DEFAULT-VALUE})") String policy;
    @Option(names = "--split", description = "separate instruction and data TLBs, each of that size") boolean split;
    @Option(names = "--page-size", defaultValue = "4K", description = "page size for address traces (default: ${DEFAULT-VALUE})") String pageSize;
    @Option(names = "--seed", defaultValue = "1", description = "seed for random (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--steps", paramLabel = "N", description = "list the first N lookups (default: all up to 64)") Integer steps;
    @Option(names = "--svg", paramLabel = "FILE", description = "draw hit rate against TLB size") Path svg;
    @Mixin LabFormat format;

    @Override public void run() {
        PrintWriter out = spec.commandLine().getOut();
        format.chosen();
        int pageBits = Sizes.log2(Sizes.parse(pageSize, "page size"), "page size");
        List<TlbSim.Access> accesses = TlbSim.accesses(LabOptions.trace(trace, refs), pageBits);
        TlbConfig.Policy pol;
        try {
            pol = TlbConfig.Policy.valueOf(policy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad TLB policy '" + policy + "': expected lru, fifo or random");
        }
        int[] range = LabOptions.range(entries, "--entries", MachineOptions.MAX_TLB);
        LabOptions.checkSteps(steps);
        if (range[0] == range[1] && svg == null) {
            int keep = steps != null ? steps : accesses.size() <= 64 ? accesses.size() : 0;
            TlbSim.Result r = TlbSim.run(accesses, config(range[0], pol), keep);
            List<Object> one = List.of(TlbReport.json(r));
            out.print(format.json ? Json.write(java.util.Map.of("results", one)) + "\n" : format.csv ? dev.vitrine.lab.Csv.of(one, null) : TlbReport.text(r));
        } else {
            List<TlbSim.Result> runs = new ArrayList<>();
            for (int n : TlbSim.sizes(range[0], range[1], ways)) runs.add(TlbSim.run(accesses, config(n, pol), 0));
            java.util.Map<String, Object> j = TlbReport.sweepJson(runs);
            out.print(format.json ? Json.write(j) + "\n" : format.csv ? dev.vitrine.lab.Csv.of((List<?>) j.get("results"), null) : TlbReport.sweepText(runs));
            if (svg != null) LabOptions.writeFile(svg, TlbReport.svg(runs, "TLB: " + accesses.size() + " lookups"), out, format.any());
        }
        out.flush();
    }

    private TlbConfig config(int n, TlbConfig.Policy pol) {
        return new TlbConfig(n, ways == null ? n : ways, pol, split, false, seed);
    }
}
