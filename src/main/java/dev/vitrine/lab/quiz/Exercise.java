package dev.vitrine.lab.quiz;

import java.util.List;
import java.util.Map;

/**
 * One question, its short answer, the working that gets there, the answer's figures for
 * JSON, and the facts a grader looks for in a student's answer.
 */
public record Exercise(String topic, String question, String answer, String working, Map<String, Object> values, List<Check> checks) {
    public Exercise {
        checks = List.copyOf(checks);
    }
}
