package dev.vitrine.cli;

import dev.vitrine.lab.Csv;
import dev.vitrine.lab.quiz.Exercise;
import dev.vitrine.lab.quiz.Grader;
import dev.vitrine.lab.quiz.QuizOptions;
import dev.vitrine.lab.quiz.Topic;
import dev.vitrine.trace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** `vitrine quiz TOPIC --seed N [--answers]`: the chapter's kinds of exercise, repeatable by seed; `quiz check FILE` grades. */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = {"Exercises with answers and working: split, translate, tablesize, tlb, replace, sched, segment, memdump, or all.",
                "The same seed (and choices) gives the same questions; --answers adds the answer and the working.",
                "`quiz check ANSWERS.json` grades a student's answers: {\"quiz\": {as --json prints it}, \"answers\": [\"...\", ...]}.",
                "--json and --csv: a row per exercise; the JSON also holds the quiz."})
final class QuizCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TOPIC", description = "a topic, all, list, or check") String topicArg;
    @Parameters(index = "1", arity = "0..1", paramLabel = "ANSWERS", description = "with check: the answers file (JSON)") Path answersFile;
    @Option(names = "--topic", paramLabel = "TOPIC", description = "the topic (instead of the first argument)") String topicOpt;
    @Option(names = "--seed", defaultValue = "1", description = "which exercises (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--count", defaultValue = "1", description = "exercises per topic (default: ${DEFAULT-VALUE})") int count;
    @Option(names = "--geometry", paramLabel = "G", description = "memory topics: a preset or VA_BITS:PAGE_SIZE[:LEVEL,BITS], e.g. 15:32:5,5") String geometry;
    @Option(names = "--policy", paramLabel = "P", description = "replace/tlb/sched: the policy; segment: base-bounds or segments") String policy;
    @Option(names = "--difficulty", defaultValue = "medium", paramLabel = "D", description = "easy, medium or hard (default: ${DEFAULT-VALUE})") String difficulty;
    @Option(names = "--answers", description = "show answers and the working") boolean answers;
    @Mixin LabFormat format;

    @Override public void run() {
        PrintWriter out = spec.commandLine().getOut();
        format.chosen();
        if (topicArg != null && topicOpt != null) throw new IllegalArgumentException("give the topic once: as the argument or as --topic");
        String topic = topicOpt != null ? topicOpt : topicArg;
        if (topic == null) throw new IllegalArgumentException("give a topic (quiz list shows them), or quiz check ANSWERS.json");
        if (topic.equalsIgnoreCase("check")) {
            check(out);
            return;
        }
        if (answersFile != null) throw new IllegalArgumentException("one topic only (or all); a file goes with quiz check");
        if (topic.equalsIgnoreCase("list")) {
            List<Object> rows = new ArrayList<>();
            for (Topic t : Topic.values()) {
                Map<String, Object> o = Json.object();
                o.put("topic", t.label());
                o.put("summary", t.summary);
                rows.add(o);
                if (!format.any()) out.printf("%-10s %s%n", t.label(), t.summary);
            }
            if (format.json) out.println(Json.write(Map.of("results", rows)));
            if (format.csv) out.print(Csv.of(rows, null));
            out.flush();
            return;
        }
        if (count < 1 || count > 100) throw new IllegalArgumentException("--count must be between 1 and 100");
        QuizOptions o = new QuizOptions(QuizOptions.geometry(geometry), policy, QuizOptions.Difficulty.parse(difficulty));
        Grader.Quiz quiz = new Grader.Quiz(topic.equalsIgnoreCase("all") ? List.of(Topic.values()) : List.of(Topic.parse(topic)), seed, count, o);
        List<Exercise> exercises = Grader.exercises(quiz);
        if (format.any()) {
            List<Object> list = new ArrayList<>();
            int n = 0;
            for (Exercise e : exercises) {
                Map<String, Object> j = Json.object();
                j.put("exercise", ++n);
                j.put("topic", e.topic());
                j.put("question", e.question());
                if (answers) {
                    j.put("answer", e.answer());
                    if (format.json) {
                        j.put("working", e.working());
                        j.put("values", e.values());
                    }
                }
                list.add(j);
            }
            if (format.csv) {
                out.print(Csv.of(list, null));
            } else {
                Map<String, Object> q = Json.object();
                q.put("topic", topic.toLowerCase(java.util.Locale.ROOT));
                q.put("seed", seed);
                q.put("count", count);
                q.put("geometry", geometry);
                q.put("policy", policy);
                q.put("difficulty", o.difficulty().label());
                Map<String, Object> j = Json.object();
                j.put("quiz", q);
                j.put("results", list);
                out.println(Json.write(j));
            }
        } else {
            int n = 0;
            for (Exercise e : exercises) {
                out.printf("%sExercise %d (%s, seed %d)%n%s%n", n == 0 ? "" : "\n", ++n, e.topic(), seed, e.question().strip());
                if (answers) {
                    out.println("Answer: " + e.answer());
                    out.println("Working:");
                    e.working().lines().forEach(l -> out.println("  " + l));
                }
            }
            if (!answers) out.println("\n(answers and working: add --answers)");
        }
        out.flush();
    }

    private void check(PrintWriter out) {
        if (answersFile == null) throw new IllegalArgumentException("quiz check needs the answers file: quiz check ANSWERS.json");
        List<Grader.Verdict> vs = Grader.grade(Grader.read(answersFile));
        if (format.json) {
            out.println(Json.write(Grader.json(vs)));
        } else if (format.csv) {
            List<Object> rows = new ArrayList<>();
            for (Object r : (List<?>) Grader.json(vs).get("results")) rows.add(r);
            out.print(Csv.of(rows, "checks"));
        } else {
            out.print(Grader.text(vs));
        }
        out.flush();
    }
}
