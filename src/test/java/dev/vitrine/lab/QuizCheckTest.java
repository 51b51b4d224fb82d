package dev.vitrine.lab;

import dev.vitrine.lab.quiz.Exercise;
import dev.vitrine.lab.quiz.Grader;
import dev.vitrine.lab.quiz.QuizOptions;
import dev.vitrine.lab.quiz.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The teacher's side of the quiz: choices that hold, and `quiz check` grading fact by fact. */
class QuizCheckTest {
    private static Map<String, Object> file(String topic, long seed, int count, List<Object> answers, Map<String, Object> extra) {
        Map<String, Object> quiz = new LinkedHashMap<>(Map.of("topic", topic, "seed", (double) seed, "count", (double) count));
        quiz.putAll(extra);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("quiz", quiz);
        f.put("answers", answers);
        return f;
    }

    @Test void everyExercisesOwnAnswerIsGradedRight() {
        for (Topic t : Topic.values())
            for (long seed = 1; seed <= 6; seed++) {
                Exercise e = t.make(seed, 1);
                assertFalse(e.checks().isEmpty(), t + " seed " + seed);
                List<Grader.Verdict> v = Grader.grade(file(t.label(), seed, 1, List.of(e.answer()), Map.of()));
                assertTrue(v.get(0).correct(), t + " seed " + seed + ": " + e.answer() + " -> " + v.get(0).checks());
            }
    }

    @Test void aWrongOrMissingFactIsNamed() {
        Exercise e = Topic.SCHED.make(5, 1);
        String wrong = e.answer().replaceFirst("average response (\\d+(\\.\\d+)?)", "average response 99");
        List<Grader.Verdict> v = Grader.grade(file("sched", 5, 1, List.of(wrong), Map.of()));
        assertFalse(v.get(0).correct());
        List<String> missing = new ArrayList<>();
        for (Grader.CheckResult c : v.get(0).checks()) if (!c.found()) missing.add(c.check().label());
        assertEquals(List.of("average response"), missing);
        assertFalse(Grader.grade(file("sched", 5, 1, List.of(), Map.of())).get(0).correct(), "no answer is not right");
    }

    @Test void numbersInHexOrDecimalAndFaultWords() {
        Exercise e = Topic.MEMDUMP.make(3, 1);
        StringBuilder decimal = new StringBuilder();
        for (dev.vitrine.lab.quiz.Check c : e.checks())
            decimal.append(c.expected().startsWith("0x") ? Long.toString(Long.parseLong(c.expected().substring(2), 16)) : "invalid").append("; ");
        assertTrue(Grader.grade(file("memdump", 3, 1, List.of(decimal.toString()), Map.of())).get(0).correct(), decimal.toString());
    }

    @Test void choicesAreHonoured() {
        QuizOptions sv39 = new QuizOptions(QuizOptions.geometry("sv39"), null, QuizOptions.Difficulty.MEDIUM);
        assertTrue(Topic.SPLIT.make(4, 1, sv39).question().contains("39-bit virtual addresses"));
        QuizOptions lru = new QuizOptions(null, "lru", QuizOptions.Difficulty.MEDIUM);
        for (long s = 1; s < 5; s++) assertTrue(Topic.REPLACE.make(s, 1, lru).question().contains("LRU replacement"));
        QuizOptions rr = new QuizOptions(null, "rr", QuizOptions.Difficulty.MEDIUM);
        assertTrue(Topic.SCHED.make(2, 1, rr).question().contains("Under RR"));
        QuizOptions ostep = new QuizOptions(QuizOptions.geometry("15:32:5,5"), null, QuizOptions.Difficulty.HARD);
        assertTrue(Topic.MEMDUMP.make(1, 1, ostep).question().contains("15-bit virtual addresses, 32-byte pages and a 2-level page table"));
        QuizOptions easy = new QuizOptions(null, null, QuizOptions.Difficulty.EASY), hard = new QuizOptions(null, null, QuizOptions.Difficulty.HARD);
        assertTrue(Topic.MEMDUMP.make(1, 1, easy).checks().size() < Topic.MEMDUMP.make(1, 1, hard).checks().size());
        assertEquals(Topic.TLB.make(9, 2).question(), Topic.TLB.make(9, 2, QuizOptions.DEFAULT).question(), "the default choices change nothing");
        assertThrows(IllegalArgumentException.class, () -> QuizOptions.Difficulty.parse("brutal"));
        assertThrows(IllegalArgumentException.class, () -> QuizOptions.geometry("15:32:5,6"));
    }

    @Test void quizCheckGradesTheGuidesAnswersFile() {
        List<Grader.Verdict> v = Grader.grade(Grader.read(java.nio.file.Path.of("docs/guide/files/answers.json")));
        assertEquals(2, v.size());
        assertFalse(v.get(0).correct());
        assertTrue(v.get(1).correct());
    }

    @Test void badAnswerFilesAreOneLineErrors() {
        assertThrows(IllegalArgumentException.class, () -> Grader.grade(Map.of("answers", List.of())));
        assertThrows(IllegalArgumentException.class, () -> Grader.grade(file("sched", 1, 1, List.of("a", "b"), Map.of())));
        assertThrows(IllegalArgumentException.class, () -> Grader.grade(file("nosuch", 1, 1, List.of(), Map.of())));
    }
}
