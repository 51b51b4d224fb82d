package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.trace.Json;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** What a run tells besides the guest's own output: --stats, --stats-json, --strace. */
final class ReportOptions {
    @Option(names = "--stats", description = "print the machine's figures to stderr after the run")
    boolean stats;

    @Option(names = "--stats-json", paramLabel = "FILE", description = "write the figures as one JSON object")
    Path statsJson;

    @Option(names = "--strace", description = "log each syscall to stderr, strace-style")
    boolean strace;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the run's events to FILE, one JSON object a line (docs/tracing.md)")
    Path trace;

    @Option(names = "--trace-events", paramLabel = "KINDS", description = "the events --trace writes: all, default (all but tlb,walk) or some of syscall,fault,tlb,walk,cow,evict,swap,switch,signal,pipe,block,wake,proc,counter")
    String traceEvents = "default";

    @Option(names = "--perfetto", paramLabel = "FILE", description = "write a timeline for ui.perfetto.dev or chrome://tracing (Chrome trace-event JSON)")
    Path perfetto;

    @Option(names = "--trace-mem", paramLabel = "FILE", description = "write every TLB lookup in Valgrind Lackey's format, for `vitrine sim tlb` and `sim replace`")
    Path traceMem;

    private OutputStream json, traceOut, perfettoOut, memOut;
    private java.util.Set<dev.vitrine.trace.Category> events;

    /** Opens the output files before the guest runs, so a bad path is a bad command line, not a lost run. */
    void open() {
        if (events == null) events = dev.vitrine.trace.Category.parse(traceEvents);
        if (statsJson != null && json == null) json = create("--stats-json", statsJson);
        if (trace != null && traceOut == null) traceOut = create("--trace", trace);
        if (perfetto != null && perfettoOut == null) perfettoOut = create("--perfetto", perfetto);
        if (traceMem != null && memOut == null) memOut = create("--trace-mem", traceMem);
    }

    /** The syscall log goes to stderr; the trace files get their sinks. */
    void wire(Machine.Builder b) {
        b.strace(strace ? System.err : null);
        if (traceOut != null) b.trace(new dev.vitrine.trace.JsonLines(traceOut, events));
        if (perfettoOut != null) b.trace(new dev.vitrine.trace.Perfetto(perfettoOut));
        if (memOut != null) b.traceMemory(memOut);
    }

    /** The report lines, the figures, and the JSON file once the run is over. */
    void finish(Machine.Result r, Geometry g) throws IOException {
        if (!r.report().isEmpty()) for (String line : r.report().split("\n")) System.err.println(line);
        // A machine that never ran (a bad program, no memory to load it) has no figures to show.
        if (stats && r.stats().containsKey("instructions")) StatsReport.print(System.err, r.stats(), g);
        if (json != null) {
            try (PrintStream p = new PrintStream(json, true, StandardCharsets.UTF_8)) {
                p.println(Json.write(r.stats()));
            }
        }
    }

    /** An output file, created or truncated now; the one-line reason when it cannot be. */
    static OutputStream create(String option, Path file) {
        try {
            if (Files.isDirectory(file)) throw MachineOptions.bad(option, file.toString(), "is a directory");
            return Files.newOutputStream(file);
        } catch (NoSuchFileException e) {
            throw MachineOptions.bad(option, file.toString(), "no such directory " + (file.toAbsolutePath().getParent()));
        } catch (AccessDeniedException e) {
            throw MachineOptions.bad(option, file.toString(), "permission denied");
        } catch (FileSystemException e) {
            throw MachineOptions.bad(option, file.toString(), e.getReason() != null ? e.getReason() : "cannot create it");
        } catch (IOException e) {
            throw MachineOptions.bad(option, file.toString(), String.valueOf(e.getMessage()));
        }
    }
}
