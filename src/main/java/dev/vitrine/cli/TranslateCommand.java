package dev.vitrine.cli;

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
                "The table comes from --table FILE (see docs/guide/lab.md) or is made up from --seed."})
final class TranslateCommand implements Runnable {
    @Spec CommandSpec spec;
    @Mixin LabGeometryOptions geometry;

    @Parameters(paramLabel = "ADDRESS", description = "0x hex, 0b binary or decimal") String address;
    @Option(names = "--table", paramLabel = "FILE", description = "page table file (map / swap / region / root lines)") Path table;
    @Option(names = "--seed", paramLabel = "N", description = "make up a small process's page table from this seed") Long seed;
    @Option(names = "--access", defaultValue = "load", paramLabel = "KIND", description = "load|read, store|write, fetch|exec (default: ${DEFAULT-VALUE})") String access;
    @Option(names = "--show-table", description = "print the table (in the file format) before the walk") boolean showTable;
    @Option(names = "--json", description = "print one JSON object") boolean json;

    @Override public void run() {
        Geometry g = geometry.geometry();
        if (table != null && seed != null) throw new IllegalArgumentException("give --table or --seed, not both");
        PageTableSpec pt = table != null ? PageTableSpec.read(table, g) : seed != null ? SeededTable.generate(g, seed) : null;
        Translation t = Translator.translate(g, parseAddress(address), access(access), pt);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(TranslationReport.json(t)));
        } else {
            if (showTable && pt != null) out.println(pt.text(g));
            out.print(TranslationReport.text(t));
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
