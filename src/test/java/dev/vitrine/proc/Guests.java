package dev.vitrine.proc;

import dev.vitrine.Machine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Builds the small guest programs in src/test/resources/proc (static riscv64, cached by source date) and runs them. */
public final class Guests {
    private Guests() {}

    public static Path build(String name) throws IOException, InterruptedException {
        Path src = Path.of("src/test/resources/proc", name + ".c");
        Path out = Path.of("target/proc-guests", name);
        Files.createDirectories(out.getParent());
        if (Files.exists(out) && Files.getLastModifiedTime(out).compareTo(Files.getLastModifiedTime(src)) > 0) return out;
        java.lang.Process p = new ProcessBuilder("riscv64-linux-gnu-gcc", "-static", "-O2", "-o", out.toString(), src.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IOException("cannot build " + name + ":\n" + log);
        return out;
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
