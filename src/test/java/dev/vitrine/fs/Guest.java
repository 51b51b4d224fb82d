package dev.vitrine.fs;

import dev.vitrine.Machine;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;


/** Compiles a userland/tests program (once per run, into target/fs-tests) and runs it on a Machine. */
final class Guest {
    private Guest() {}

    record Run(int status, String stdout, String report) {}

    static Path compile(String name) throws Exception {
        Path src = Path.of("userland/tests", name + ".c").toAbsolutePath();
        if (!Files.exists(src)) src = Path.of("src/test/java/dev/vitrine/fs", name + ".c").toAbsolutePath();
        return dev.vitrine.conformance.GuestBuild.build(src);
    }

    static Run run(String name, String sched, String... args) throws Exception { return run(name, sched, false, args); }

    static Run run(String name, String sched, boolean tty, String... args) throws Exception {
        Path bin = compile(name);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        Machine m = Machine.builder().stdout(out).stderr(err).tty(tty).sched(sched).maxInstructions(2_000_000_000L).build();
        List<String> argv = new ArrayList<>(List.of(name));
        argv.addAll(List.of(args));
        Machine.Result r = m.run(bin, argv);
        return new Run(r.exitStatus(), out.toString(), r.report());
    }
}
