package dev.vitrine.lab.chapter;

import java.util.function.Supplier;

/**
 * One of the chapter's questions, numbered as the chapter numbers them, with a short answer
 * in our words; {@code program} names the userland example (userland/examples/NAME.c) whose
 * run on the machine shows the answer, {@code calculation} a lab computation that does.
 */
public record Question(int number, String text, String answer, String program, String calculationCommand, Supplier<String> calculation) {
    public boolean demonstrated() { return program != null; }
}
