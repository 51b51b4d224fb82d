package dev.vitrine.cli;

import java.util.Map;
import java.util.function.Supplier;

/** The lab's commands (translate, geometry, quiz, sim, chapter), by name, for the top-level command. */
final class LabCommands {
    private LabCommands() {}

    static void register(Map<String, Supplier<Object>> commands) {
        commands.put("translate", TranslateCommand::new);
        commands.put("geometry", GeometryCommand::new);
        commands.put("quiz", QuizCommand::new);
        commands.put("sim", SimCommand::new);
        commands.put("chapter", ChapterCommand::new);
    }
}
