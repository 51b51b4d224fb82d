package dev.vitrine.cli;

import dev.vitrine.Machine;
import dev.vitrine.lab.Csv;
import dev.vitrine.lab.chapter.Chapter;
import dev.vitrine.lab.chapter.Question;
import dev.vitrine.trace.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * `vitrine chapter [N]`: the chapter's 17 questions, each with a short answer and, where a
 * run shows it, the demonstration: a userland example run on the machine (its real output),
 * or the lab's computation.
 */
@Command(name = "chapter", mixinStandardHelpOptions = true,
        description = {"The chapter's 17 questions, answered; each demonstration runs on the machine (or in the lab) as you watch.",
                "vitrine chapter 11: question 11 only."})
final class ChapterCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "N", description = "one question, 1-17") Integer number;
    @Option(names = "--no-run", description = "the questions and answers only, without running the demonstrations") boolean noRun;
    @Option(names = "--json", description = "print one JSON object: {\"results\": [one per question]}") boolean json;
    @Option(names = "--csv", description = "print a CSV table: a row per question") boolean csv;
    @Mixin MachineOptions machine;
    @Spec CommandSpec spec;

    /** Text is wrapped to this width, as the guide pages are. */
    static final int WIDTH = 96;

    @Override public Integer call() throws Exception {
        if (json && csv) throw new IllegalArgumentException("give --json or --csv, not both");
        List<Question> qs = number == null ? Chapter.QUESTIONS : List.of(Chapter.question(number));
        machine.builder();
        Path bin = null, examples = null;
        if (!noRun && qs.stream().anyMatch(Question::demonstrated)) {
            bin = ShCommand.buildUserland(DemoCommand.home());
            examples = DemoCommand.home().resolve("userland/build/examples");
            if (!Files.isDirectory(examples)) throw new IllegalArgumentException("userland/build/examples is missing: make -C userland examples");
        }
        List<Object> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Question q : qs) {
            Map<String, Object> o = Json.object();
            o.put("number", q.number());
            o.put("question", q.text());
            o.put("answer", q.answer());
            text.append(text.length() == 0 ? "" : "\n").append(wrap("Question " + q.number() + ": " + q.text(), "")).append(wrap("Answer: " + q.answer(), "  "));
            if (q.demonstrated()) {
                o.put("program", "userland/examples/" + q.program() + ".c");
                text.append("On the machine (userland/examples/").append(q.program()).append(".c):\n");
                if (!noRun) {
                    Run r = run(bin, examples, q.program());
                    o.put("output", r.output());
                    o.put("status", r.status());
                    text.append("  $ ").append(q.program()).append('\n');
                    r.output().lines().forEach(l -> text.append("  ").append(l).append('\n'));
                    if (r.status() != 0) text.append("  (exit status ").append(r.status()).append(")\n");
                }
            } else if (q.calculation() != null) {
                String c = q.calculation().get();
                o.put("command", q.calculationCommand());
                o.put("output", c);
                text.append("In the lab:\n  $ ").append(q.calculationCommand()).append('\n');
                c.lines().forEach(l -> text.append("  ").append(l).append('\n'));
            }
            results.add(o);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(Json.write(Map.of("results", results)));
        else if (csv) out.print(Csv.of(results, null));
        else out.print(text);
        out.flush();
        return 0;
    }

    record Run(String output, int status) {}

    /** The example run as `vitrine sh -c NAME` runs it, its stdout and stderr together as a terminal shows them. */
    private Run run(Path bin, Path examples, String program) throws Exception {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        Machine m = machine.builder(List.of(bin + ":/bin", examples + ":/examples"))
                .stdin(InputStream.nullInputStream()).stdout(both).stderr(both).tty(false)
                .env(List.of("PATH=/bin:/examples", "HOME=/home/user", "LANG=C"))
                .build();
        Machine.Result r = m.run(bin.resolve("sh"), List.of("sh", "-c", program));
        return new Run(both.toString(StandardCharsets.UTF_8), r.signal() != 0 ? 128 + r.signal() : r.exitStatus());
    }

    /** Words wrapped at WIDTH, continuation lines indented. */
    static String wrap(String s, String indent) {
        StringBuilder out = new StringBuilder(), line = new StringBuilder();
        for (String w : s.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + w.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > 0 && !line.toString().equals(indent)) line.append(' ');
            line.append(w);
        }
        return out.append(line).append('\n').toString();
    }
}
