package dev.vitrine.cli;

import dev.vitrine.trace.Json;
import dev.vitrine.lab.quiz.Exercise;
import dev.vitrine.lab.quiz.Topic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** `vitrine quiz TOPIC --seed N [--answers]`: the chapter's kinds of exercise, repeatable by seed. */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = {"Exercises with answers and working: split, translate, tablesize, tlb, replace, sched, or all.",
                "The same seed gives the same questions; --answers adds the answer and the working."})
final class QuizCommand implements Runnable {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "TOPIC", description = "split, translate, tablesize, tlb, replace, sched, all, or list") String topic;
    @Option(names = "--seed", defaultValue = "1", description = "which exercises (default: ${DEFAULT-VALUE})") long seed;
    @Option(names = "--count", defaultValue = "1", description = "exercises per topic (default: ${DEFAULT-VALUE})") int count;
    @Option(names = "--answers", description = "show answers and the working") boolean answers;
    @Option(names = "--json", description = "print one JSON object") boolean json;

    @Override public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (topic.equalsIgnoreCase("list")) {
            Map<String, Object> topics = Json.object();
            for (Topic t : Topic.values()) {
                if (json) topics.put(t.label(), t.summary);
                else out.printf("%-10s %s%n", t.label(), t.summary);
            }
            if (json) out.println(Json.write(Map.of("topics", topics)));
            out.flush();
            return;
        }
        if (count < 1 || count > 100) throw new IllegalArgumentException("--count must be between 1 and 100");
        List<Topic> topics = topic.equalsIgnoreCase("all") ? List.of(Topic.values()) : List.of(Topic.parse(topic));
        List<Exercise> exercises = new ArrayList<>();
        for (Topic t : topics) for (int i = 1; i <= count; i++) exercises.add(t.make(seed, i));
        if (json) {
            List<Object> list = new ArrayList<>();
            for (Exercise e : exercises) {
                Map<String, Object> o = Json.object();
                o.put("topic", e.topic());
                o.put("question", e.question());
                if (answers) {
                    o.put("answer", e.answer());
                    o.put("working", e.working());
                    o.put("values", e.values());
                }
                list.add(o);
            }
            Map<String, Object> o = Json.object();
            o.put("seed", seed);
            o.put("exercises", list);
            out.println(Json.write(o));
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
}
