package dev.vitrine.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the traces the simulators accept, one of these per line (formats may mix):
 * <pre>
 *   1,2,3,4,1,2,5        page numbers (commas or spaces): a reference string
 *   R 0x7ffc1000         an access: R (load), W (store) or X (fetch) and an address
 *   I  0400d7d4,3        Valgrind Lackey: I fetch, " L" load, " S" store, " M" modify,
 *    L 7ff0001c8,8        hex address without 0x, then the size in bytes
 *   F 7ff0001c8          `vitrine run --trace-mem`: the TLB dropped that page's entry
 *   F *                  ... the whole TLB was flushed
 *   ! L 7ff0001c8,1      ... a lookup that missed and page-faulted: nothing was filled
 * </pre>
 * Blank lines, lines starting with '#' and Valgrind's "==pid==" messages are skipped.
 * Anything else is an error naming the line.
 */
public final class TraceReader {
    private TraceReader() {}

    private static final java.util.regex.Pattern LACKEY = java.util.regex.Pattern.compile("([ILSM])\\s+([0-9a-fA-F]+),(\\d+)");
    private static final java.util.regex.Pattern FLUSH = java.util.regex.Pattern.compile("F\\s+(\\*|[0-9a-fA-F]+)");
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("([RWXrwx])\\s+(\\S+)");

    /** A file, or standard input for "-" (so Valgrind's output can be piped in). */
    public static List<TraceRef> read(Path file) {
        try {
            if (file.toString().equals("-")) {
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
                return parse(in.lines().toList(), "standard input");
            }
            return parse(Files.readAllLines(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trace " + file + ": " + IoErrors.reason(e));
        }
    }

    /** The comma-separated reference string of a --refs option. */
    public static List<TraceRef> refs(String list) {
        return parse(List.of(list), "--refs");
    }

    public static List<TraceRef> parse(List<String> lines, String source) {
        List<TraceRef> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) parseLine(lines.get(i), i + 1, source, out);
        if (out.isEmpty()) throw new IllegalArgumentException(source + ": the trace has no references");
        return out;
    }

    private static void parseLine(String raw, int line, String source, List<TraceRef> out) {
        String s = raw.strip();
        if (s.isEmpty() || s.startsWith("#") || s.startsWith("==") || s.startsWith("--")) return;
        try {
            java.util.regex.Matcher m;
            if ((m = FLUSH.matcher(s)).matches()) {
                boolean all = m.group(1).equals("*");
                out.add(new TraceRef.Flush(all ? 0 : Long.parseUnsignedLong(m.group(1), 16), all, line));
            } else if (s.startsWith("!") && (m = LACKEY.matcher(s.substring(1).strip())).matches() && m.group(1).charAt(0) != 'M') {
                char kind = switch (m.group(1).charAt(0)) { case 'I' -> 'X'; case 'L' -> 'R'; default -> 'W'; };
                out.add(new TraceRef.Refused(kind, Long.parseUnsignedLong(m.group(2), 16), line));
            } else if ((m = LACKEY.matcher(s)).matches()) {
                char kind = switch (m.group(1).charAt(0)) { case 'I' -> 'X'; case 'L' -> 'R'; case 'S' -> 'W'; default -> 'M'; };
                int size = Integer.parseInt(m.group(3));
                if (size <= 0) throw new NumberFormatException();
                out.add(new TraceRef.Access(kind, Long.parseUnsignedLong(m.group(2), 16), size, line));
            } else if ((m = PLAIN.matcher(s)).matches()) {
                char kind = Character.toUpperCase(m.group(1).charAt(0));
                out.add(new TraceRef.Access(kind, number(m.group(2)), 1, line));
            } else {
                for (String tok : s.split("[,\\s]+")) {
                    if (tok.isEmpty()) continue;
                    try {
                        out.add(new TraceRef.Page(number(tok), line));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(source + " line " + line + ": '" + tok
                                + "' is not a page number (expected page numbers, 'R|W|X 0xADDR' or a Lackey line)");
                    }
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + " line " + line + ": cannot read '" + s
                    + "': expected page numbers, 'R|W|X 0xADDR' or a Lackey line");
        }
    }

    /** 0x-prefixed hex, or decimal. */
    static long number(String tok) {
        String t = tok.strip().replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) return Long.parseUnsignedLong(t.substring(2), 16);
        if (t.startsWith("0b") || t.startsWith("0B")) return Long.parseUnsignedLong(t.substring(2), 2);
        long v = Long.parseLong(t);
        if (v < 0) throw new NumberFormatException();
        return v;
    }

    /**
     * The page of every reference, in order: a page number as it is, an access as the
     * page(s) its bytes touch (an access that straddles a page boundary touches two).
     * A refused lookup and a TLB flush are no references (the retried access after the fault is).
     */
    public static long[] pages(List<TraceRef> refs, int pageBits) {
        long[] out = new long[refs.size()];
        int n = 0;
        for (TraceRef r : refs) {
            if (r instanceof TraceRef.Page p) out = put(out, n++, p.vpn());
            else if (r instanceof TraceRef.Access a) {
                long first = a.va() >>> pageBits, last = (a.va() + a.size() - 1) >>> pageBits;
                for (long pg = first; pg <= last; pg++) out = put(out, n++, pg);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static long[] put(long[] a, int i, long v) {
        if (i == a.length) a = java.util.Arrays.copyOf(a, a.length * 2 + 1);
        a[i] = v;
        return a;
    }
}
