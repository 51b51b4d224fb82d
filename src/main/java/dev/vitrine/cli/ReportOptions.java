package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.mmu.Geometry;
import dev.vitrine.sys.StraceFilter;
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

    @Option(names = "--strace", description = "log each syscall, signal and exit to stderr as strace -f does")
    boolean strace;

    @Option(names = "--trace", paramLabel = "FILE", description = "write the run's events to FILE, one JSON object a line (docs/tracing.md)")
    Path trace;

    @Option(names = "--trace-events", paramLabel = "KINDS", description = "the events --trace writes: all, default (all but tlb,walk) or some of syscall,fault,tlb,walk,cow,evict,swap,switch,signal,pipe,block,wake,proc,counter")
    String traceEvents = "default";

    @Option(names = "--perfetto", paramLabel = "FILE", description = "write a timeline for ui.perfetto.dev or chrome://tracing (Chrome trace-event JSON)")
    Path perfetto;

    @Option(names = "--trace-mem", paramLabel = "FILE", description = "write every TLB lookup in Valgrind Lackey's format, for `vitrine sim tlb` and `sim replace`")
    Path traceMem;

    private java.util.Set<dev.vitrine.trace.Category> events;
    @Option(names = "--strace-time", description = "start each --strace line with the virtual time of day, as strace -tt (implies --strace)")
    boolean straceTime;

    @Option(names = "--strace-filter", paramLabel = "SET",
            description = "only these syscalls get --strace lines, as strace -e trace=SET: names and classes (%%file, %%desc, "
                    + "%%process, %%signal, %%memory, %%clock, %%ipc, %%network, %%creds), ! negates (implies --strace)")
    String straceFilter;

    private OutputStream json, traceOut, perfettoOut, memOut;

    /** Opens the output files before the guest runs, so a bad path is a bad command line, not a lost run. */
    void open() {
        if (events == null) events = dev.vitrine.trace.Category.parse(traceEvents);
        if (statsJson != null && json == null) json = create("--stats-json", statsJson);
        if (trace != null && traceOut == null) traceOut = create("--trace", trace);
        if (perfetto != null && perfettoOut == null) perfettoOut = create("--perfetto", perfetto);
        if (traceMem != null && memOut == null) memOut = create("--trace-mem", traceMem);
    }

    /** The syscall log goes to stderr. */
    void wire(Machine.Builder b) {
        boolean on = strace || straceTime || straceFilter != null;
        b.strace(on ? System.err : null);
        if (on) b.straceOptions(filter(), straceTime);
        if (traceOut != null) b.trace(new dev.vitrine.trace.JsonLines(traceOut, events));
        if (perfettoOut != null) b.trace(new dev.vitrine.trace.Perfetto(perfettoOut));
        if (memOut != null) b.traceMemory(memOut);
    }

    /** --strace-filter's set; a name that is no syscall is a bad command line. */
    private StraceFilter filter() {
        if (straceFilter == null) return StraceFilter.all();
        try {
            return StraceFilter.parse(straceFilter);
        } catch (IllegalArgumentException e) {
            throw MachineOptions.bad("--strace-filter", straceFilter, e.getMessage());
        }
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
