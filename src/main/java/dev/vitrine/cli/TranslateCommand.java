package dev.vitrine.cli;

import dev.vitrine.lab.Csv;
import dev.vitrine.lab.GeometrySpec;
import dev.vitrine.lab.ImageReport;
import dev.vitrine.lab.ImageWalk;
import dev.vitrine.lab.MemoryImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vitrine.trace.Json;
import dev.vitrine.lab.PageTableSpec;
import dev.vitrine.lab.SeededTable;
import dev.vitrine.lab.Translation;
import dev.vitrine.lab.TranslationReport;
import dev.vitrine.lab.Translator;
import dev.vitrine.mmu.Access;
import dev.vitrine.mmu.Geometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;

/** `vitrine translate ADDRESS`: the split, and with a table the walk, the frame or the fault. */
@Command(name = "translate", mixinStandardHelpOptions = true,
        description = {"Split a virtual address into its fields and, over a page table, walk it level by level.",
                "The table comes from --table FILE (see docs/guide/lab.md) or is made up from --seed;",
                "or the tables are in a memory image: --memory FILE (OSTEP's 'page N: hexbytes' lines) --pdbr FRAME.",
                "--json and --csv: a row per address."})
final class TranslateCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin LabGeometryOptions geometry;

    @Parameters(arity = "1..*", paramLabel = "ADDRESS", description = "0x hex, 0b binary or decimal; several are translated in turn") List<String> addresses;
    @Option(names = "--memory", paramLabel = "FILE", description = "a memory image: 'page N: hexbytes' lines") Path memory;
    @Option(names = "--pdbr", paramLabel = "FRAME", description = "with --memory: the frame of the top-level table (page directory)") Long pdbr;
    @Option(names = "--pte-format", defaultValue = "riscv", paramLabel = "F",
            description = "with --memory: ostep (top bit valid, the rest the frame; 1-byte entries unless --pte-bytes) or riscv (default: ${DEFAULT-VALUE})") String pteFormat;
    @Option(names = "--table", paramLabel = "FILE", description = "page table file (map / swap / region / root lines)") Path table;
    @Option(names = "--seed", paramLabel = "N", description = "make up a small process's page table from this seed") Long seed;
    @Option(names = "--access", defaultValue = "load", paramLabel = "KIND", description = "load|read, store|write, fetch|exec (default: ${DEFAULT-VALUE})") String access;
    @Option(names = "--show-table", description = "print the table (in the file format) before the walk") boolean showTable;
    @Mixin LabFormat format;

    /** More addresses than this in one command is a script's job. */
    static final int MAX_ADDRESSES = 4096;

    @Override public void run() {
        format.chosen();
        if (addresses.size() > MAX_ADDRESSES) throw new IllegalArgumentException("at most " + MAX_ADDRESSES + " addresses");
        if (memory != null) {
            image();
            return;
        }
        if (pdbr != null) throw new IllegalArgumentException("--pdbr goes with --memory");
        Geometry g = geometry.geometry();
        if (table != null && seed != null) throw new IllegalArgumentException("give --table or --seed, not both");
        PageTableSpec pt = table != null ? PageTableSpec.read(table, g) : seed != null ? SeededTable.generate(g, seed) : null;
        List<Translation> ts = new ArrayList<>();
        for (String a : addresses) ts.add(Translator.translate(g, parseAddress(a), access(access), pt));
        PrintWriter out = spec.commandLine().getOut();
        List<Object> results = new ArrayList<>();
        for (Translation t : ts) results.add(TranslationReport.json(t));
        if (format.json) {
            out.println(Json.write(Map.of("results", results)));
        } else if (format.csv) {
            out.print(Csv.of(results, null));
        } else {
            if (showTable && pt != null) out.println(pt.text(g));
            for (int i = 0; i < ts.size(); i++) out.print((i > 0 ? "\n" : "") + TranslationReport.text(ts.get(i)));
        }
        out.flush();
    }

    /** Walks tables held in a memory image, from the page directory base. */
    private void image() {
        if (table != null || seed != null) throw new IllegalArgumentException("give --memory or --table/--seed, not both");
        if (pdbr == null) throw new IllegalArgumentException("--memory needs --pdbr FRAME: the frame of the top-level table");
        if (pdbr < 0) throw new IllegalArgumentException("--pdbr must be >= 0");
        ImageWalk.PteFormat f = ImageWalk.PteFormat.parse(pteFormat);
        Integer asked = geometry.pteBytes;
        int entryBytes;
        if (f == ImageWalk.PteFormat.OSTEP) {
            entryBytes = asked == null ? 1 : asked;
            if (entryBytes < 1 || entryBytes > 8) throw new IllegalArgumentException("--pte-bytes " + entryBytes + ": ostep entries are 1-8 bytes");
            geometry.pteBytes = null; // the geometry's own check wants 4 or 8; entries here are the image's
        }
        Geometry g = geometry.geometry();
        if (f != ImageWalk.PteFormat.OSTEP) entryBytes = g.pteBytes();
        else entryBytes = asked == null ? 1 : asked;
        if (g.pageSize() > (1 << 20)) throw new IllegalArgumentException("memory images have pages of at most 1 MiB");
        MemoryImage mem = MemoryImage.read(memory, (int) g.pageSize());
        List<ImageWalk> ws = new ArrayList<>();
        for (String a : addresses) ws.add(ImageWalk.walk(g, mem, pdbr, f, entryBytes, parseAddress(a)));
        PrintWriter out = spec.commandLine().getOut();
        List<Object> results = new ArrayList<>();
        for (ImageWalk w : ws) results.add(ImageReport.json(w));
        if (format.json) {
            out.println(Json.write(Map.of("results", results)));
        } else if (format.csv) {
            out.print(Csv.of(results, null));
        } else {
            out.printf("%s, %s entries of %d byte%s, page directory in frame %d (0x%x)%n", GeometrySpec.describe(g).replaceAll(", \\d-byte PTEs$", ""),
                    f.name().toLowerCase(java.util.Locale.ROOT), entryBytes, entryBytes == 1 ? "" : "s", pdbr, pdbr << g.pageBits());
            for (ImageWalk w : ws) out.print(ImageReport.text(g, w, entryBytes));
        }
        out.flush();
    }

    static long parseAddress(String text) {
        String t = text.strip().replace("_", "");
        try {
            if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
            if (t.startsWith("0b") || t.startsWith("0B")) return Long.parseUnsignedLong(t.substring(2), 2);
            return Long.parseUnsignedLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad address '" + text + "': expected 0x hex, 0b binary or decimal, at most 64 bits");
        }
    }

    static int access(String kind) {
        return switch (kind.strip().toLowerCase()) {
            case "load", "read", "r" -> Access.LOAD;
            case "store", "write", "w" -> Access.STORE;
            case "fetch", "exec", "execute", "x" -> Access.FETCH;
            default -> throw new IllegalArgumentException("bad --access '" + kind + "': expected load, store or fetch");
        };
    }
}
