package dev.vitrine.lab;

import dev.vitrine.trace.Json;

import dev.vitrine.lab.quiz.Exercise;
import dev.vitrine.lab.quiz.Topic;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class QuizTest {
    @Test void sameSeedSameExercisesOtherSeedOthers() {
        for (Topic t : Topic.values()) {
            Exercise a = t.make(7, 1), b = t.make(7, 1);
            assertEquals(a.question() + a.answer() + a.working() + Json.write(a.values()),
                    b.question() + b.answer() + b.working() + Json.write(b.values()), t.label());
            assertFalse(a.question().isBlank() || a.answer().isBlank() || a.working().isBlank(), t.label());
            boolean differs = false;
            for (long seed = 8; seed < 14 && !differs; seed++) differs = !t.make(seed, 1).question().equals(a.question());
            assertTrue(differs, t.label() + " ignores the seed");
        }
    }

    @Test void manySeedsOfEveryTopicMakeExercises() {
        for (Topic t : Topic.values())
            for (long seed = 0; seed < 150; seed++) {
                long s = seed;
                assertDoesNotThrow(() -> t.make(s, 1), t.label() + " seed " + seed);
            }
    }

    /** The replacement answers, re-counted by a plain simulation written here from the textbook definitions. */
    @Test void replaceAnswersMatchAnIndependentCount() {
        Pattern refs = Pattern.compile("reference string ([0-9,]+) cause");
        Pattern frames = Pattern.compile("With (\\d+) initially empty frames and (FIFO|LRU) ");
        int checked = 0;
        for (long seed = 1; seed < 60; seed++) {
            Exercise e = Topic.REPLACE.make(seed, 1);
            Matcher f = frames.matcher(e.question()), r = refs.matcher(e.question());
            if (!f.find() || !r.find()) continue;
            long expected = count(r.group(1), Integer.parseInt(f.group(1)), f.group(2).equals("LRU"));
            assertTrue(e.answer().startsWith(expected + " faults"), e.question() + " -> " + e.answer());
            checked++;
        }
        assertTrue(checked >= 10, "too few FIFO/LRU exercises checked: " + checked);
    }

    private static long count(String refs, int frames, boolean lru) {
        List<String> mem = new ArrayList<>();
        long faults = 0;
        for (String p : refs.split(",")) {
            if (mem.contains(p)) {
                if (lru) { mem.remove(p); mem.add(p); }
                continue;
            }
            faults++;
            if (mem.size() == frames) mem.remove(0);
            mem.add(p);
        }
        return faults;
    }

    @Test void tlbAnswersAddUp() {
        for (long seed = 1; seed < 10; seed++) {
            Exercise e = Topic.TLB.make(seed, 1);
            Matcher m = Pattern.compile("(\\d+) hits .*, (\\d+) misses, hit rate (\\d+)/(\\d+)").matcher(e.answer());
            assertTrue(m.find(), e.answer());
            assertEquals(Long.parseLong(m.group(4)), Long.parseLong(m.group(1)) + Long.parseLong(m.group(2)));
            assertEquals(m.group(1), m.group(3));
        }
    }

    @Test void topicsByNameAndUnknownOnes() {
        assertEquals(Topic.SCHED, Topic.parse("Sched"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Topic.parse("paging"));
        assertTrue(e.getMessage().contains("split"), e.getMessage());
        assertEquals(8, new LinkedHashSet<>(List.of(Topic.values())).size());
    }
}
