package dev.vitrine.lab.quiz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small JSON reader for answer files: objects (as maps), arrays, strings, numbers (as doubles), true, false, null. */
final class JsonIn {
    private static final int MAX_DEPTH = 64;
    private final String s;
    private int i;

    private JsonIn(String s) { this.s = s; }

    static Object parse(String text) {
        JsonIn p = new JsonIn(text);
        Object v = p.value(0);
        p.space();
        if (p.i != p.s.length()) throw p.error("text after the JSON value");
        return v;
    }

    private IllegalArgumentException error(String what) {
        int line = 1;
        for (int k = 0; k < Math.min(i, s.length()); k++) if (s.charAt(k) == '\n') line++;
        return new IllegalArgumentException("bad JSON at line " + line + ": " + what);
    }

    private void space() { while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++; }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nested too deep");
        space();
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            space();
            if (peek('}')) return m;
            do {
                space();
                if (i >= s.length() || s.charAt(i) != '"') throw error("expected a name in quotes");
                String k = string();
                space();
                expect(':');
                m.put(k, value(depth + 1));
                space();
            } while (peek(','));
            expect('}');
            return m;
        }
        if (c == '[') {
            i++;
            List<Object> l = new ArrayList<>();
            space();
            if (peek(']')) return l;
            do l.add(value(depth + 1)); while (peekSpaced(','));
            space();
            expect(']');
            return l;
        }
        if (c == '"') return string();
        if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
        if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
        if (s.startsWith("null", i)) { i += 4; return null; }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
        try {
            return Double.parseDouble(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw error("not a JSON value");
        }
    }

    private boolean peek(char c) {
        if (i < s.length() && s.charAt(i) == c) { i++; return true; }
        return false;
    }

    private boolean peekSpaced(char c) { space(); return peek(c); }

    private void expect(char c) { if (!peek(c)) throw error("expected '" + c + "'"); }

    private String string() {
        i++;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') return b.toString();
            if (c != '\\') { b.append(c); continue; }
            if (i >= s.length()) break;
            char e = s.charAt(i++);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("short \\u escape");
                    try {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException x) {
                        throw error("bad \\u escape");
                    }
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        throw error("unterminated string");
    }
}
