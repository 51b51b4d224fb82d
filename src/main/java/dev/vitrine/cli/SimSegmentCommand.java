package dev.vitrine.cli;

import dev.vitrine.lab.Csv;
import dev.vitrine.lab.SegmentReport;
import dev.vitrine.lab.SegmentSim;
import dev.vitrine.lab.Sizes;
import dev.vitrine.trace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** `vitrine sim segment`: base and bounds, or segments that grow up or down (OSTEP's relocation.py and segmentation.py). */
@Command(name = "segment", mixinStandardHelpOptions = true,
        description = {"Base-and-bounds or segmented translation of virtual addresses.",
                "--base B --limit L: base and bounds; --segment BASE,LIMIT[,up|down] (repeated, segment 0 first): segments, picked by the top bits.",
                "--seed N fills in what is not given as relocation.py (--model base-bounds) or segmentation.py (--model segments) does with -s N.",
                "--json and --csv: a row per address."})
final class SimSegmentCommand implements Runnable {
    @Spec CommandSpec spec;

    @Option(names = "--model", defaultValue = "base-bounds", paramLabel = "M", description = "base-bounds or segments (default: ${DEFAULT-VALUE})") String model;
    @Option(names = "--base", paramLabel = "B", description = "base register (base-bounds; with --seed, segment 0's base)") String base;
    @Option(names = "--limit", paramLabel = "L", description = "bounds (limit) register (base-bounds; with --seed, segment 0's limit)") String limit;
    @Option(names = "--base1", paramLabel = "B", description = "with --seed --model segments: segment 1's base (its top: it grows down)") String base1;
    @Option(names = "--limit1", paramLabel = "L", description = "with --seed --model segments: segment 1's limit") String limit1;
    @Option(names = "--segment", paramLabel = "BASE,LIMIT[,up|down]", description = "a segment, in order (implies --model segments)") List<String> segments;
    @Option(names = "--asize", defaultValue = "1k", paramLabel = "SIZE", description = "address space size (default: ${DEFAULT-VALUE})") String asize;
    @Option(names = "--physmem", defaultValue = "16k", paramLabel = "SIZE", description = "physical memory size (default: ${DEFAULT-VALUE})") String physmem;
    @Option(names = "--addresses", paramLabel = "VA,VA,...", description = "virtual addresses (decimal or 0x hex)") String addresses;
    @Option(names = "--count", defaultValue = "5", paramLabel = "N", description = "with --seed and no --addresses: how many random addresses (default: ${DEFAULT-VALUE})") int count;
    @Option(names = "--seed", paramLabel = "N", description = "draw what is not given as OSTEP's program does with -s N") Long seed;
    @Mixin LabFormat format;

    static final int MAX_COUNT = 10_000;

    @Override public void run() {
        format.chosen();
        if (count < 0 || count > MAX_COUNT) throw new IllegalArgumentException("--count must be 0-" + MAX_COUNT);
        boolean seg = segments != null || model.strip().toLowerCase(Locale.ROOT).startsWith("seg");
        if (!seg && !model.strip().toLowerCase(Locale.ROOT).matches("base-?(and-)?bounds|bb|relocation"))
            throw new IllegalArgumentException("bad --model '" + model + "': expected base-bounds or segments");
        long as = Sizes.parse(asize, "--asize"), ps = Sizes.parse(physmem, "--physmem");
        List<Long> vas = addresses == null ? null : numbers(addresses);
        SegmentSim.Setup setup;
        List<Long> todo;
        if (segments != null) {
            if (base != null || limit != null || seed != null) throw new IllegalArgumentException("--segment gives every segment: no --base, --limit or --seed with it");
            List<SegmentSim.Segment> list = new ArrayList<>();
            for (String s : segments) list.add(segment(s));
            int bits = Integer.numberOfTrailingZeros(list.size());
            if (Integer.bitCount(list.size()) != 1) throw new IllegalArgumentException("give a power of two of segments (the top address bits pick one), not " + list.size());
            setup = new SegmentSim.Setup(as, ps, bits, list);
            todo = need(vas);
        } else if (seed != null) {
            SegmentSim.Problem p = SegmentSim.ostep(seg, seed, as, ps, new Long[] {num(base), num(base1)}, new Long[] {num(limit), num(limit1)}, vas, count);
            setup = p.setup();
            todo = p.addresses();
        } else {
            if (seg) throw new IllegalArgumentException("segments: give each with --segment BASE,LIMIT[,up|down], or --seed");
            if (base == null || limit == null) throw new IllegalArgumentException("base and bounds: give --base and --limit, or --seed");
            setup = new SegmentSim.Setup(as, ps, 0, List.of(new SegmentSim.Segment(num(base), num(limit), false)));
            todo = need(vas);
        }
        List<SegmentSim.Result> rs = new ArrayList<>();
        for (long va : todo) rs.add(SegmentSim.translate(setup, va));
        PrintWriter out = spec.commandLine().getOut();
        List<Object> results = new ArrayList<>();
        for (SegmentSim.Result r : rs) results.add(SegmentReport.json(setup, r));
        if (format.json) out.println(Json.write(Map.of("results", results)));
        else if (format.csv) out.print(Csv.of(results, null));
        else out.print(SegmentReport.text(setup, rs));
        out.flush();
    }

    private static List<Long> need(List<Long> vas) {
        if (vas == null) throw new IllegalArgumentException("give --addresses (or --seed to draw them)");
        return vas;
    }

    private static SegmentSim.Segment segment(String text) {
        String[] f = text.split(",");
        if (f.length < 2 || f.length > 3) throw new IllegalArgumentException("bad --segment '" + text + "': expected BASE,LIMIT[,up|down]");
        boolean down = f.length == 3 && switch (f[2].strip().toLowerCase(Locale.ROOT)) {
            case "down", "negative", "-" -> true;
            case "up", "positive", "+" -> false;
            default -> throw new IllegalArgumentException("bad --segment '" + text + "': the direction is up or down");
        };
        return new SegmentSim.Segment(num(f[0]), num(f[1]), down);
    }

    private static List<Long> numbers(String text) {
        List<Long> out = new ArrayList<>();
        for (String s : text.split(",")) if (!s.isBlank()) out.add(num(s));
        if (out.size() > MAX_COUNT) throw new IllegalArgumentException("at most " + MAX_COUNT + " addresses");
        return out;
    }

    private static Long num(String s) {
        if (s == null) return null;
        String t = s.strip();
        if (t.equals("0")) return 0L; // a base may be 0; sizes are otherwise > 0
        try {
            return Sizes.parse(t, "number");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad number '" + t + "': expected decimal, 0x hex, or a size such as 4k");
        }
    }
}
