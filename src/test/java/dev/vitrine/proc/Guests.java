package dev.vitrine.proc;

import dev.vitrine.Machine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Builds the small guest programs in src/test/resources/proc (through conformance.GuestBuild, the tests' one compile helper) and runs them. */
public final class Guests {
    private Guests() {}

    public static Path build(String name) throws IOException, InterruptedException {
        return dev.vitrine.conformance.GuestBuild.build(Path.of("src/test/resources/proc", name + ".c"));
    }

    record Run(Machine.Result result, String stdout) {}

    static Run run(String name, UnaryOperator<Machine.Builder> config, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Machine.Builder b = Machine.builder().stdout(out).stderr(err).tty(false).maxInstructions(2_000_000_000L);
        Machine m = config.apply(b).build();
        List<String> argv = new ArrayList<>();
        argv.add(name);
        argv.addAll(List.of(args));
        Machine.Result r = m.run(build(name), argv);
        return new Run(r, out.toString(StandardCharsets.UTF_8));
    }
}
