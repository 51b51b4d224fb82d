package dev.vitrine.cli;

import picocli.CommandLine;

/** Registers the lab's commands (translate, geometry, quiz, sim, chapter) on the top-level command. */
final class LabCommands {
    private LabCommands() {}

    static void register(CommandLine top) {
        top.addSubcommand(new TranslateCommand());
        top.addSubcommand(new GeometryCommand());
        top.addSubcommand(new QuizCommand());
        top.addSubcommand(new SimCommand());
        top.addSubcommand(new ChapterCommand());
    }
}
