package dev.vitrine.userland;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The commands of one docs/guide page and the output the page shows for each. A command is a
 * line {@code $ ./vitrine ...} in a fenced block; the lines up to the next such line or the end
 * of the block are what it prints (a {@code $ ls} line in them is the guest shell's, output too) (stdout and stderr, as a terminal shows them). A
 * block that starts with anything else (C source, a file's contents, an interactive session
 * at the guest's prompt) is not a transcript. {@code <!-- guide-test: skip REASON -->} on the
 * line before a block leaves a transcript unchecked, with its reason in the page's source.
 */
record GuidePage(Path file, List<GuidePage.Transcript> transcripts) {

    /** One command as pasted, and where its output sits in the page (0-based line numbers, end exclusive). */
    record Transcript(Path page, int commandLine, String command, List<String> expected, int outStart, int outEnd) {
        String where() { return page.getFileName() + ":" + (commandLine + 1); }
    }

    static final String PROMPT = "$ ";
    static final String COMMAND = PROMPT + "./vitrine";
    static final String SKIP = "<!-- guide-test: skip";

    static GuidePage read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Transcript> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```")) continue;
            int open = i, close = i + 1;
            while (close < lines.size() && !lines.get(close).startsWith("```")) close++;
            boolean skipped = open > 0 && lines.get(open - 1).startsWith(SKIP);
            if (!skipped && lines.get(open).trim().equals("```") && open + 1 < close
                    && lines.get(open + 1).startsWith(COMMAND)) {
                int at = open + 1;
                while (at < close) {
                    int next = at + 1;
                    while (next < close && !lines.get(next).startsWith(COMMAND)) next++;
                    out.add(new Transcript(file, at, lines.get(at).substring(PROMPT.length()),
                            List.copyOf(lines.subList(at + 1, next)), at + 1, next));
                    at = next;
                }
            }
            i = close;
        }
        return new GuidePage(file, out);
    }

    /**
     * Whether {@code actual} is what the page shows. Two marks stand for what differs between
     * runs or was left out on purpose: a line that is just {@code ...} (indented or not) stands
     * for any number of lines, and {@code …} inside a line for any text within that line.
     * Trailing blanks and a trailing empty line do not count.
     */
    static boolean matches(List<String> expected, List<String> actual) {
        return match(trim(expected), 0, trim(actual), 0);
    }

    /** The first line of the page's output that the actual output cannot reach (for the failure message), or -1. */
    static int firstUnmatched(List<String> expected, List<String> actual) {
        List<String> exp = trim(expected), act = trim(actual);
        for (int k = 1; k <= exp.size(); k++) {
            List<String> prefix = new ArrayList<>(exp.subList(0, k));
            prefix.add("...");
            if (!match(prefix, 0, act, 0)) return k - 1;
        }
        return match(exp, 0, act, 0) ? -1 : exp.size();
    }

    /**
     * The page's output brought up to date with {@code actual}, keeping its marks: a line that
     * still matches stays as the page writes it (with its {@code …}), a {@code ...} line keeps
     * standing for the lines it absorbs, and everything else becomes what the machine printed.
     * An edit distance in which {@code ...} absorbs lines for free.
     */
    static List<String> refresh(List<String> expected, List<String> actual) {
        List<String> exp = trim(expected), act = trim(actual);
        int n = exp.size(), m = act.size();
        int[][] f = new int[n + 1][m + 1];
        // Dropping a line of the page costs more than rewriting it, so a changed line is rewritten in place.
        for (int j = m; j >= 0; j--) f[n][j] = m - j;
        for (int i = n - 1; i >= 0; i--)
            for (int j = m; j >= 0; j--) {
                boolean dots = exp.get(i).trim().equals("...");
                int best = f[i + 1][j] + (dots ? 0 : 2);
                if (j < m) {
                    if (dots) best = Math.min(best, f[i][j + 1]);
                    else {
                        best = Math.min(best, f[i + 1][j + 1] + (lineMatches(exp.get(i), act.get(j)) ? 0 : 1));
                        best = Math.min(best, f[i][j + 1] + 1);
                    }
                }
                f[i][j] = best;
            }
        List<String> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < n || j < m) {
            if (i == n) { out.add(act.get(j++)); continue; }
            boolean dots = exp.get(i).trim().equals("...");
            if (dots) {
                if (j < m && f[i][j] == f[i][j + 1]) j++;
                else { out.add(exp.get(i)); i++; }
            } else if (j < m && lineMatches(exp.get(i), act.get(j)) && f[i][j] == f[i + 1][j + 1]) {
                out.add(exp.get(i++)); j++;
            } else if (j < m && f[i][j] == f[i + 1][j + 1] + 1) {
                out.add(act.get(j++)); i++;
            } else if (j < m && f[i][j] == f[i][j + 1] + 1) {
                out.add(act.get(j++));
            } else i++;   // dropped: f[i][j] == f[i + 1][j] + 2
        }
        // A marked line that moved (a death note printed earlier than before) keeps its marks.
        for (int k = 0; k < out.size(); k++)
            for (String e : exp)
                if (e.contains("…") && !out.get(k).contains("…") && lineMatches(e, out.get(k))) { out.set(k, e); break; }
        return out;
    }

    private static boolean match(List<String> exp, int e, List<String> act, int a) {
        while (e < exp.size()) {
            if (exp.get(e).trim().equals("...")) {
                for (int k = a; k <= act.size(); k++) if (match(exp, e + 1, act, k)) return true;
                return false;
            }
            if (a >= act.size() || !lineMatches(exp.get(e), act.get(a))) return false;
            e++;
            a++;
        }
        return a == act.size();
    }

    static boolean lineMatches(String expected, String actual) {
        if (!expected.contains("…")) return expected.equals(actual);
        StringBuilder re = new StringBuilder();
        for (String part : expected.split("…", -1)) {
            if (re.length() > 0) re.append(".*");
            re.append(Pattern.quote(part));
        }
        return Pattern.compile(re.toString()).matcher(actual).matches();
    }

    static List<String> trim(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) out.add(l.stripTrailing());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }
}
