package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.view.Snapshot;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** --show, --show-at, --show-format, --show-to: views of the machine at one moment of the run (see view.Show). */
final class ShowOptions {
    @Option(names = "--show", paramLabel = "VIEWS",
            description = "views to take: pagetable, frames, tlb, comma-separated, each with an optional :PID")
    String views;

    @Option(names = "--show-at", paramLabel = "MOMENT",
            description = "when: exit (default), instret:N, or an event fork, exec, cow, fault:minor, fault:major, fault:invalid, signal:NAME, evict, swap:out, swap:in, with :N for its Nth time")
    String at;

    @Option(names = "--show-format", paramLabel = "FORMAT", description = "text (default; coloured on a terminal), json or svg")
    String format;

    @Option(names = "--show-to", paramLabel = "FILE", description = "write the views here instead of stderr")
    Path to;

    private OutputStream out;

    /** Checks the options and opens the file before the guest runs. */
    void open() {
        if (views == null) {
            if (at != null || format != null || to != null) throw new IllegalArgumentException("--show-at, --show-format and --show-to need --show");
            return;
        }
        if (format != null && !format.equals("text") && !format.equals("json") && !format.equals("svg"))
            throw MachineOptions.bad("--show-format", format, "expected text, json or svg");
        dev.vitrine.view.Show.parse(views, at);
        if (to != null && out == null) out = ReportOptions.create("--show-to", to);
    }

    void wire(Machine.Builder b) { if (views != null) b.show(views, at); }

    void finish(Machine.Result r) throws IOException {
        if (views == null) return;
        Snapshot s = r.shown();
        if (s == null) {
            System.err.println("vitrine: --show-at " + (at == null ? "exit" : at) + ": the run never came to that moment; no views taken");
            if (out != null) out.close();
            return;
        }
        String f = format == null ? "text" : format;
        boolean color = out == null && f.equals("text") && Machine.hostTerminal(2);
        String text = switch (f) {
            case "json" -> s.json();
            case "svg" -> s.svg();
            default -> s.text(color);
        };
        if (out != null) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.close();
        } else {
            System.err.print(text);
            System.err.flush();
        }
    }
}
