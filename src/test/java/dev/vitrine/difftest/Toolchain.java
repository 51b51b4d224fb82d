package dev.vitrine.difftest;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The host side: the riscv64 cross compiler and qemu-riscv64, found on PATH (or via env overrides). */
final class Toolchain {
    final Path gcc;
    final Path qemu;

    private Toolchain(Path gcc, Path qemu) {
        this.gcc = gcc;
        this.qemu = qemu;
    }

    /** The tools, or empty; {@link #missing()} says what is missing. */
    static Optional<Toolchain> find() {
        Path gcc = locate(env("VITRINE_RISCV_GCC", "riscv64-linux-gnu-gcc"));
        Path qemu = locate(env("VITRINE_QEMU", "qemu-riscv64"));
        return gcc != null && qemu != null ? Optional.of(new Toolchain(gcc, qemu)) : Optional.empty();
    }

    static String missing() {
        List<String> m = new ArrayList<>();
        String g = env("VITRINE_RISCV_GCC", "riscv64-linux-gnu-gcc");
        String q = env("VITRINE_QEMU", "qemu-riscv64");
        if (locate(g) == null) m.add(g + " (Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu; or set VITRINE_RISCV_GCC)");
        if (locate(q) == null) m.add(q + " (Debian/Ubuntu: apt-get install qemu-user; or set VITRINE_QEMU)");
        return String.join(" and ", m);
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    private static Path locate(String name) {
        if (name.contains(File.separator)) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /** Assembles and links {@code asm} into the static executable {@code elf}. */
    void build(Path asm, Path elf) throws IOException, InterruptedException {
        Path tmp = elf.resolveSibling(elf.getFileName() + ".tmp");
        Proc p = exec(List.of(gcc.toString(), "-nostdlib", "-static", "-march=rv64gc", "-mabi=lp64d",
                "-Wl,--no-relax", "-Wl,--no-warn-rwx-segments", "-o", tmp.toString(), asm.toString()), null, 120);
        if (p.status != 0) throw new IOException("assembling " + asm + " failed:\n" + p.stderr);
        Files.move(tmp, elf, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs {@code elf} under qemu-riscv64; its stdout goes to {@code out}. */
    Proc runQemu(Path elf, Path out) throws IOException, InterruptedException {
        return exec(List.of(qemu.toString(), elf.toString()), out, 300);
    }

    record Proc(int status, String stderr) {}

    private static Proc exec(List<String> cmd, Path stdout, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = Files.createTempFile("vitrine-difftest", ".err");
        try {
            pb.redirectError(err.toFile());
            if (stdout != null) pb.redirectOutput(stdout.toFile());
            else pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", cmd) + " timed out after " + timeoutSeconds + " s");
            }
            return new Proc(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
