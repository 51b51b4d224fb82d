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

/** Every lab command with --json prints one line holding exactly one well-formed JSON object. */
class LabJsonTest {
    @Test void everyCommandPrintsOneJsonObject(@TempDir Path dir) throws Exception {
        Path pt = dir.resolve("pt.txt"), jobs = dir.resolve("jobs.txt"), trace = dir.resolve("t.lackey");
        Files.writeString(pt, "region 0x1000-0x3000 rwu\nmap 0x1000 9 rwu\nswap 0x2000 3\n");
        Files.writeString(jobs, "A 0 3\nB 1 2 1\n");
        Files.writeString(trace, "==1== Lackey\nI  04000000,4\n L 7ff000ff8,16\n M 0403a0c8,4\n S 7ff000ff0,8\n");
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
        };
        for (String[] c : commands) {
            List<String> args = new ArrayList<>(List.of(c));
            args.add("--json");
            LabRun r = LabRun.of(args.toArray(String[]::new));
            assertEquals(0, r.status(), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.out().lines().count(), String.join(" ", c));
            Object v = new Parser(r.out().strip()).whole();
            assertInstanceOf(Map.class, v, String.join(" ", c));
        }
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
