package dev.vitrine.lab.ostep;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recorded runs of OSTEP's homework simulators (src/test/resources/dev/vitrine/lab/ostep):
 * each case is the command line after "### " and the program's output below it. Only the
 * output is kept, never the programs.
 */
public final class OstepFixtures {
    private OstepFixtures() {}

    /** One recorded run: the flags given and what the program printed. */
    public record Case(String command, Map<String, String> flags, String output) {
        public String flag(String f, String dflt) { return flags.getOrDefault(f, dflt); }
        public long num(String f, long dflt) { return flags.containsKey(f) ? Long.parseLong(flags.get(f)) : dflt; }
        public boolean has(String f) { return flags.containsKey(f); }

        /** Every match of {@code regex} in the output, its groups. */
        public List<String[]> all(String regex) {
            List<String[]> out = new ArrayList<>();
            Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
            while (m.find()) {
                String[] g = new String[m.groupCount()];
                for (int i = 0; i < g.length; i++) g[i] = m.group(i + 1);
                out.add(g);
            }
            return out;
        }

        public String[] one(String regex) {
            List<String[]> a = all(regex);
            if (a.size() != 1) throw new AssertionError(a.size() + " matches of " + regex + " in the output of " + command);
            return a.get(0);
        }

        @Override public String toString() { return command; }
    }

    public static List<Case> load(String name) {
        String text;
        try (InputStream in = OstepFixtures.class.getResourceAsStream("/dev/vitrine/lab/ostep/" + name + ".txt")) {
            if (in == null) throw new AssertionError("no fixture " + name);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        List<Case> cases = new ArrayList<>();
        String[] blocks = text.split("(?m)^### ");
        for (int b = 1; b < blocks.length; b++) {
            int nl = blocks[b].indexOf('\n');
            String cmd = blocks[b].substring(0, nl);
            Map<String, String> flags = new HashMap<>();
            String[] w = cmd.split(" ");
            for (int i = 1; i < w.length; i++) {
                if (!w[i].startsWith("-")) continue;
                boolean hasValue = i + 1 < w.length && (!w[i + 1].startsWith("-") || w[i + 1].matches("-\\d+"));
                flags.put(w[i], hasValue ? w[++i] : "");
            }
            cases.add(new Case(cmd, flags, blocks[b].substring(nl + 1)));
        }
        if (cases.size() < 20) throw new AssertionError(name + ": only " + cases.size() + " cases");
        return cases;
    }
}
