package dev.vitrine.cli;

import dev.vitrine.lab.TraceReader;
import dev.vitrine.lab.TraceRef;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Small helpers the lab commands share: trace input, ranges, writing files. */
final class LabOptions {
    private LabOptions() {}

    /** From a trace file, or from --refs; exactly one of them. */
    static List<TraceRef> trace(Path file, String refs) {
        if (file != null && refs != null) throw new IllegalArgumentException("give a TRACE file or --refs, not both");
        if (file != null) return TraceReader.read(file);
        if (refs != null) return TraceReader.refs(refs);
        throw new IllegalArgumentException("no references: give a TRACE file or --refs 1,2,3,...");
    }

    /** The most sizes one sweep simulates: each is a whole run over the trace. */
    static final int MAX_SWEEP = 1024;

    /** "3" is {3,3}; "1-8" is {1,8}; at most {@code max}, a range of at most {@link #MAX_SWEEP} sizes. */
    static int[] range(String text, String what, int max) {
        String[] p = text.strip().split("-", 2);
        int lo, hi;
        try {
            lo = Integer.parseInt(p[0].strip());
            hi = p.length == 2 ? Integer.parseInt(p[1].strip()) : lo;
            if (lo < 1 || hi < lo) throw new NumberFormatException();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad " + what + " '" + text + "': expected N or N-M with 1 <= N <= M");
        }
        if (hi > max) throw new IllegalArgumentException(what + " " + text + ": at most " + max);
        if (hi - lo >= MAX_SWEEP) throw new IllegalArgumentException(what + " " + text + ": a sweep covers at most " + MAX_SWEEP + " sizes");
        return new int[] {lo, hi};
    }

    /** --steps: how many steps to list; null for the default. */
    static void checkSteps(Integer steps) {
        if (steps != null && steps < 0) throw new IllegalArgumentException("--steps " + steps + ": expected a count >= 0");
    }

    static void writeFile(Path file, String content, PrintWriter note, boolean quiet) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + dev.vitrine.lab.IoErrors.reason(e));
        }
        if (!quiet) note.println("chart written to " + file);
    }
}
