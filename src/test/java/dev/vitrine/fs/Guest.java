package dev.vitrine.fs;

import dev.vitrine.Machine;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Compiles a userland/tests program (once per run, into target/fs-tests) and runs it on a Machine. */
final class Guest {
    private Guest() {}

    record Run(int status, String stdout, String report) {}

    static Path compile(String name) throws Exception {
        Path src = Path.of("userland/tests", name + ".c").toAbsolutePath();
        if (!Files.exists(src)) src = Path.of("src/test/java/dev/vitrine/fs", name + ".c").toAbsolutePath();
        Path out = Path.of("target/fs-tests", name).toAbsolutePath();
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) > 0) return out;
        Files.createDirectories(out.getParent());
        Process p;
        try {
            p = new ProcessBuilder("riscv64-linux-gnu-gcc", "-static", "-O2", "-Wall", "-o", out.toString(), src.toString())
                    .redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            // On CI the cross compiler is part of the toolchain: its absence fails, never skips.
            if (dev.vitrine.conformance.Toolchain.ci()) throw new AssertionError("CI=true: no riscv64 cross compiler", e);
            assumeTrue(false, "no riscv64 cross compiler");
            throw e;
        }
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new AssertionError("cannot compile " + src + ":\n" + log);
        return out;
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
