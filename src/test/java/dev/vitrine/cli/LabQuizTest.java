package dev.vitrine.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LabQuizTest {
    @Test void answersOnlyOnRequestAndRepeatable() {
        LabRun plain = LabRun.of("quiz", "replace", "--seed", "3");
        LabRun with = LabRun.of("quiz", "replace", "--seed", "3", "--answers");
        assertEquals(0, plain.status(), plain.err());
        assertFalse(plain.out().contains("Answer:"));
        assertTrue(with.out().contains("Answer:") && with.out().contains("Working:"));
        String question = plain.out().lines().skip(1).findFirst().orElseThrow();
        assertTrue(with.out().contains(question));
        assertEquals(plain.out(), LabRun.of("quiz", "replace", "--seed", "3").out());
    }

    @Test void jsonAndErrors() {
        LabRun r = LabRun.of("quiz", "all", "--seed", "2", "--answers", "--json");
        assertEquals(0, r.status(), r.err());
        assertEquals(2, r.number("seed"));
        for (String t : new String[] {"split", "translate", "tablesize", "tlb", "replace", "sched"})
            assertTrue(r.out().contains("\"topic\":\"" + t + "\""), t);
        r = LabRun.of("quiz", "nonsense");
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith("vitrine: unknown quiz topic"), r.err());
    }
}
