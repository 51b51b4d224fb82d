package dev.vitrine.lab.quiz;

import java.util.Map;

/** One question, its short answer, the working that gets there, and the answer's figures for JSON. */
public record Exercise(String topic, String question, String answer, String working, Map<String, Object> values) {}
