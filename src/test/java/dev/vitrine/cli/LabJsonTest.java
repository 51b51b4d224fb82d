package dev.vitrine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every lab command with --json prints one line holding exactly one well-formed JSON object
 * with a "results" list (also for one policy or one address); with --csv, a header and a row
 * per result, every row as wide as the header.
 */
class LabJsonTest {
    @Test void everyCommandPrintsOneJsonObject(@TempDir Path dir) throws Exception {
        Path pt = dir.resolve("pt.txt"), jobs = dir.resolve("jobs.txt"), trace = dir.resolve("t.lackey");
        Files.writeString(pt, "region 0x1000-0x3000 rwu\nmap 0x1000 9 rwu\nswap 0x2000 3\n");
        Files.writeString(jobs, "A 0 3\nB 1 2 1\n");
        Files.writeString(trace, "==1== Lackey\nI  04000000,4\n L 7ff000ff8,16\n M 0403a0c8,4\n S 7ff000ff0,8\n");
        Path mem = dir.resolve("mem.txt");
        Files.writeString(mem, "page 0: 81" + "7f".repeat(31) + "\npage 1: " + "82" + "7f".repeat(31) + "\npage 2: " + "2a".repeat(32) + "\n");
        String[][] commands = {
                {"translate", "0xF0F0F0AA", "--va-bits", "32", "--page-size", "4K", "--levels", "10,10"},
                {"translate", "0x1004", "--table", pt.toString()},
                {"translate", "0x2004", "--table", pt.toString(), "--access", "store"},
                {"translate", "0x3fffffe123", "--paging", "sv39", "--seed", "3"},
                {"translate", "0xffffffffffffffff", "--va-bits", "64", "--depth", "4"},
                {"geometry", "--paging", "sv48", "--mapped", "0x0+1G"},
                {"sim", "replace", "--refs", "1,2,3,1", "--policy", "all"},
                {"sim", "replace", trace.toString(), "--frames", "1-3"},
                {"sim", "tlb", trace.toString(), "--split"},
                {"sim", "tlb", "--refs", "1,2,1", "--entries", "1-2"},
                {"sim", "sched", jobs.toString(), "--policy", "all"},
                {"sim", "sched", "--jobs", "\"quoted\"=3"},
                {"quiz", "all", "--seed", "9", "--answers", "--count", "2"},
                {"quiz", "list"},
                {"quiz", "memdump", "--seed", "2", "--answers", "--difficulty", "easy"},
                {"sim", "sched", "--jobs", "5,5", "--policy", "rr"},
                {"sim", "sched", "--jlist", "0,20,3:2,10,0", "--policy", "mlfq", "--quantum", "4"},
                {"sim", "sched", "--jlist", "a:30:50,b:20:80", "--policy", "multi"},
                {"sim", "replace", "--refs", "1,2,3,1", "--policy", "lru"},
                {"sim", "tlb", "--refs", "1,2,1"},
                {"sim", "segment", "--seed", "1", "--count", "3"},
                {"sim", "segment", "--segment", "100,50", "--segment", "900,40,down", "--addresses", "1,600,1000"},
                {"translate", "0x1004", "0x2004", "--table", pt.toString()},
                {"translate", "0x01", "0x21", "--memory", mem.toString(), "--pdbr", "0", "--pte-format", "ostep", "--va-bits", "10", "--page-size", "32", "--levels", "5"},
                {"geometry", "--va-bits", "14", "--page-size", "1K"},
        };
        for (String[] c : commands) {
            List<String> args = new ArrayList<>(List.of(c));
            args.add("--json");
            LabRun r = LabRun.of(args.toArray(String[]::new));
            assertEquals(0, r.status(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.out().lines().count(), String.join(" ", c));
            Object v = new Parser(r.out().strip()).whole();
            assertInstanceOf(Map.class, v, String.join(" ", c));
            assertInstanceOf(List.class, ((Map<?, ?>) v).get("results"), String.join(" ", c) + ": " + r.out());
            args.set(args.size() - 1, "--csv");
            LabRun csv = LabRun.of(args.toArray(String[]::new));
            assertEquals(0, csv.status(), String.join(" ", c) + " --csv: " + csv.err());
            List<String> rows = records(csv.out());
            assertTrue(rows.size() >= 2, String.join(" ", c) + " --csv: " + csv.out());
            int width = cells(rows.get(0));
            for (String row : rows) assertEquals(width, cells(row), String.join(" ", c) + " --csv row: " + row);
        }
    }

    /** CSV records: a quoted cell may hold newlines (RFC 4180). */
    static List<String> records(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : text.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            if (ch == '\n' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        if (cur.length() > 0) out.add(cur.toString());
        return out;
    }

    /** Cells of a CSV row: commas outside quotes, plus one. */
    static int cells(String row) {
        int n = 1;
        boolean quoted = false;
        for (char ch : row.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) n++;
        }
        return n;
    }

    /** A strict JSON reader, just enough to reject anything malformed. */
    static final class Parser {
        private final String s;
        private int i;

        Parser(String s) { this.s = s; }

        Object whole() {
            Object v = value();
            ws();
            if (i != s.length()) throw new AssertionError("trailing text at " + i + ": " + s);
            return v;
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            if (c == '{') {
                Map<String, Object> m = new LinkedHashMap<>();
                i++;
                ws();
                if (s.charAt(i) == '}') { i++; return m; }
                do {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    if (m.put(k, value()) != null) throw new AssertionError("duplicate key " + k);
                    ws();
                } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != '}') throw new AssertionError("expected } at " + (i - 1));
                return m;
            }
            if (c == '[') {
                List<Object> l = new ArrayList<>();
                i++;
                ws();
                if (s.charAt(i) == ']') { i++; return l; }
                do { l.add(value()); ws(); } while (s.charAt(i++) == ',');
                if (s.charAt(i - 1) != ']') throw new AssertionError("expected ] at " + (i - 1));
                return l;
            }
            if (c == '"') return string();
            for (String lit : new String[] {"true", "false", "null"})
                if (s.startsWith(lit, i)) { i += lit.length(); return lit; }
            int start = i;
            if (s.charAt(i) == '-') i++;
            while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
            String num = s.substring(start, i);
            if (!num.matches("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?")) throw new AssertionError("bad number '" + num + "' at " + start);
            return Double.parseDouble(num);
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (s.charAt(i) != '"') {
                char c = s.charAt(i++);
                if (c < 0x20) throw new AssertionError("raw control character in string at " + i);
                if (c == '\\') {
                    char e = s.charAt(i++);
                    if (e == 'u') { b.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; }
                    else if ("\"\\/bfnrt".indexOf(e) >= 0) b.append(e);
                    else throw new AssertionError("bad escape at " + i);
                } else b.append(c);
            }
            i++;
            return b.toString();
        }

        private void expect(char c) {
            if (s.charAt(i++) != c) throw new AssertionError("expected " + c + " at " + (i - 1) + " in " + s);
        }

        private void ws() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }
    }
}
