package dev.vitrine.difftest;

import java.util.List;

/**
 * One generated test: a seeded initial state and a straight-line body.
 *
 * <p>In the binary every case owns a {@link #RECORD_BYTES}-byte record in {@code .data}:
 * the scratch area, then x0..x31, f0..f31 and fcsr as little-endian quads. The harness
 * loads the state from the record, points register {@link #base} at it, runs the body,
 * stores the state back over it and writes the record to fd 1.
 *
 * @param seed     the program seed it came from
 * @param index    its position in that program
 * @param base     the register holding the record's address (never written by the body)
 * @param rvc      whether the assembler may compress (and explicit {@code c.} forms appear)
 * @param x        initial x registers; x[0] and x[base] are ignored
 * @param f        initial f registers as raw bits
 * @param fcsr     initial fcsr (frm in bits 5-7, always 0-4; fflags in bits 0-4)
 * @param scratch  initial scratch bytes
 * @param body     the instructions, in units that the minimizer removes whole
 */
record DiffCase(long seed, int index, int base, boolean rvc, long[] x, long[] f, long fcsr, byte[] scratch,
                List<Unit> body) {

    static final int SCRATCH_BYTES = 256;
    static final int X_OFF = 256;
    static final int F_OFF = 512;
    static final int FCSR_OFF = 768;
    static final int RECORD_BYTES = 776;
    /** In cases that straddle a page, the scratch offset where the next page begins. */
    static final int PAGE_SPLIT = 128;

    /** One case in eight has its record placed across a page boundary, at scratch offset {@link #PAGE_SPLIT}. */
    static boolean straddlesPage(int index) { return index % 8 == 4; }

    /** A group of assembly lines that stands or falls together (a branch with its label, lr with its sc). */
    record Unit(List<String> lines) {
        static Unit of(String... lines) { return new Unit(List.of(lines)); }
    }

    DiffCase withBody(List<Unit> newBody) {
        return new DiffCase(seed, index, base, rvc, x, f, fcsr, scratch, List.copyOf(newBody));
    }

    int instructionLines() {
        int n = 0;
        for (Unit u : body) for (String l : u.lines()) if (isInstruction(l)) n++;
        return n;
    }

    /** Not a label or an assembler directive (raw encodings count as instructions). */
    static boolean isInstruction(String l) {
        if (l.endsWith(":")) return false;
        return !l.startsWith(".") || l.startsWith(".insn") || l.startsWith(".2byte") || l.startsWith(".4byte");
    }

    /** The body as numbered lines, for a report. */
    String listing() {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Unit u : body) {
            for (String l : u.lines()) {
                if (!isInstruction(l))
                    sb.append("          ").append(l).append('\n');
                else sb.append(String.format("    %3d   %s%n", ++n, l));
            }
        }
        return sb.toString();
    }
}
