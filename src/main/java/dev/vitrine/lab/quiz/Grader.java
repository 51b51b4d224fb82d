package dev.vitrine.lab.quiz;

import dev.vitrine.trace.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grades a student's answers against the quiz they were given. The answers file names the
 * quiz (topic, seed, count and the teacher's choices, as `quiz --json` prints them) and
 * holds one answer per exercise, in free text. An answer is right when it states every fact
 * the exercise's answer states, in the same order: numbers in hex or decimal, sizes with
 * units (4 KiB), averages to two places; "fault", "invalid", "violation" and "segfault"
 * all say the access fails.
 */
public final class Grader {
    private Grader() {}

    /** A quiz as the answers file names it. */
    public record Quiz(List<Topic> topics, long seed, int count, QuizOptions options) {}

    public record Verdict(int exercise, String topic, String question, String given, boolean correct, List<CheckResult> checks, String answer) {}

    public record CheckResult(Check check, boolean found) {}

    /** 1 MiB of answers is far past any class's. */
    static final long MAX_FILE = 1 << 20;

    public static Map<String, Object> read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE) throw new IllegalArgumentException(file + ": an answers file is at most 1 MiB");
            Object o = JsonIn.parse(Files.readString(file));
            if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException(file + ": expected a JSON object {\"quiz\": {...}, \"answers\": [...]}");
            @SuppressWarnings("unchecked") Map<String, Object> map = (Map<String, Object>) m;
            return map;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + dev.vitrine.lab.IoErrors.reason(e));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().startsWith(file.toString()) ? e.getMessage() : file + ": " + e.getMessage());
        }
    }

    /** The quiz the file names: its "quiz" object, as `quiz --json` prints it. */
    public static Quiz quiz(Map<String, Object> file) {
        if (!(file.get("quiz") instanceof Map<?, ?> q)) throw new IllegalArgumentException("the answers file needs a \"quiz\" object (copy it from `vitrine quiz ... --json`)");
        String topic = str(q.get("topic"), "all");
        List<Topic> topics = topic.equalsIgnoreCase("all") ? List.of(Topic.values()) : List.of(Topic.parse(topic));
        long seed = (long) num(q.get("seed"), 1);
        int count = (int) num(q.get("count"), 1);
        if (count < 1 || count > 100) throw new IllegalArgumentException("quiz count must be 1-100");
        QuizOptions o = new QuizOptions(QuizOptions.geometry(q.get("geometry") == null ? null : str(q.get("geometry"), null)),
                q.get("policy") == null ? null : str(q.get("policy"), null),
                QuizOptions.Difficulty.parse(str(q.get("difficulty"), "medium")));
        return new Quiz(topics, seed, count, o);
    }

    public static List<Exercise> exercises(Quiz q) {
        List<Exercise> out = new ArrayList<>();
        for (Topic t : q.topics()) for (int i = 1; i <= q.count(); i++) out.add(t.make(q.seed(), i, q.options()));
        return out;
    }

    public static List<Verdict> grade(Map<String, Object> file) {
        Quiz q = quiz(file);
        List<Exercise> ex = exercises(q);
        if (!(file.get("answers") instanceof List<?> answers)) throw new IllegalArgumentException("the answers file needs an \"answers\" list, one answer per exercise");
        if (answers.size() > ex.size()) throw new IllegalArgumentException(answers.size() + " answers for " + ex.size() + " exercises");
        List<Verdict> out = new ArrayList<>();
        for (int n = 0; n < ex.size(); n++) {
            Exercise e = ex.get(n);
            String given = n < answers.size() && answers.get(n) != null ? text(answers.get(n)) : "";
            List<Object> tokens = tokens(given);
            List<CheckResult> rs = new ArrayList<>();
            int at = 0;
            boolean all = true;
            for (Check c : e.checks()) {
                Object want = tokens(c.expected()).get(0);
                int found = -1;
                for (int k = at; k < tokens.size() && found < 0; k++) if (same(want, tokens.get(k), c.tolerance())) found = k;
                rs.add(new CheckResult(c, found >= 0));
                if (found >= 0) at = found + 1;
                else all = false;
            }
            out.add(new Verdict(n + 1, e.topic(), e.question(), given, all && !e.checks().isEmpty(), rs, e.answer()));
        }
        return out;
    }

    private static String text(Object a) {
        if (a instanceof Map<?, ?> m && m.get("answer") != null) return String.valueOf(m.get("answer"));
        if (a instanceof Double d && d == Math.rint(d)) return Long.toString(d.longValue());
        return String.valueOf(a);
    }

    private static final Pattern TOKEN = Pattern.compile("0[xX][0-9a-fA-F]+|0[bB][01]+|\\d+(?:\\.\\d+)?(?:\\s*(?:[KMGTPE]i?B|[KMGTPE]\\b))?|[A-Za-z]+");

    /** Numbers (as BigDecimal, units applied) and words (lower case; the words for a failed access become "fault"). */
    static List<Object> tokens(String s) {
        List<Object> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            String t = m.group();
            if (Character.isLetter(t.charAt(0))) {
                String w = t.toLowerCase(Locale.ROOT);
                out.add(switch (w) {
                    case "fault", "faults", "invalid", "violation", "segfault", "sigsegv", "segv" -> "fault";
                    default -> w;
                });
                continue;
            }
            if (t.startsWith("0x") || t.startsWith("0X")) out.add(new java.math.BigDecimal(new java.math.BigInteger(t.substring(2), 16)));
            else if (t.startsWith("0b") || t.startsWith("0B")) out.add(new java.math.BigDecimal(new java.math.BigInteger(t.substring(2), 2)));
            else {
                String num = t.replaceAll("[^0-9.].*$", "").strip();
                String unit = t.substring(num.length()).strip().toUpperCase(Locale.ROOT);
                java.math.BigDecimal v = new java.math.BigDecimal(num);
                int shift = unit.isEmpty() ? 0 : switch (unit.charAt(0)) {
                    case 'K' -> 10;
                    case 'M' -> 20;
                    case 'G' -> 30;
                    case 'T' -> 40;
                    case 'P' -> 50;
                    default -> 60;
                };
                out.add(v.multiply(java.math.BigDecimal.valueOf(2).pow(shift)));
            }
        }
        return out;
    }

    private static boolean same(Object want, Object got, double tolerance) {
        if (want instanceof java.math.BigDecimal a && got instanceof java.math.BigDecimal b)
            return tolerance > 0 ? a.subtract(b).abs().doubleValue() <= tolerance : a.compareTo(b) == 0;
        return want.equals(got);
    }

    public static String text(List<Verdict> vs) {
        StringBuilder b = new StringBuilder();
        int right = 0;
        for (Verdict v : vs) {
            if (v.correct()) right++;
            long ok = v.checks().stream().filter(CheckResult::found).count();
            b.append(String.format(Locale.ROOT, "Exercise %d (%s): %s, %d of %d facts%n", v.exercise(), v.topic(), v.correct() ? "right" : v.given().isBlank() ? "no answer" : "not right", ok, v.checks().size()));
            for (CheckResult c : v.checks())
                b.append(String.format(Locale.ROOT, "  %s %s: %s%n", c.found() ? "ok     " : "missing", c.check().label(), c.check().expected()));
            if (!v.correct()) b.append("  the answer: ").append(v.answer()).append('\n');
        }
        b.append(String.format(Locale.ROOT, "%d of %d right%n", right, vs.size()));
        return b.toString();
    }

    public static Map<String, Object> json(List<Verdict> vs) {
        List<Object> list = new ArrayList<>();
        for (Verdict v : vs) {
            Map<String, Object> o = Json.object();
            o.put("exercise", v.exercise());
            o.put("topic", v.topic());
            o.put("correct", v.correct());
            o.put("given", v.given());
            List<Object> cs = new ArrayList<>();
            for (CheckResult c : v.checks()) {
                Map<String, Object> j = Json.object();
                j.put("label", c.check().label());
                j.put("expected", c.check().expected());
                j.put("found", c.found());
                cs.add(j);
            }
            o.put("checks", cs);
            o.put("answer", v.answer());
            list.add(o);
        }
        Map<String, Object> o = Json.object();
        o.put("results", list);
        o.put("right", vs.stream().filter(Verdict::correct).count());
        o.put("of", vs.size());
        return o;
    }

    private static String str(Object o, String dflt) { return o == null ? dflt : o instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) : String.valueOf(o); }

    private static double num(Object o, double dflt) {
        if (o == null) return dflt;
        if (o instanceof Double d) return d;
        try {
            return Double.parseDouble(String.valueOf(o));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quiz: '" + o + "' is not a number");
        }
    }
}
