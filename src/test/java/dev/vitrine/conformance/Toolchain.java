package dev.vitrine.conformance;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the host tools the conformance corpus needs: the Debian riscv64 cross compiler and the
 * qemu-riscv64 user-mode emulator (the oracle). Either can be overridden with an environment
 * variable ({@code VITRINE_CC}, {@code VITRINE_QEMU}); otherwise they are looked up on PATH.
 *
 * <p>When a tool is missing the tests are skipped, unless {@code CI=true}: then a missing tool is a
 * failure, so a CI image without the toolchain cannot pass by skipping everything.
 */
public final class Toolchain {
    static final String CC_NAME = "riscv64-linux-gnu-gcc";
    static final String QEMU_NAME = "qemu-riscv64";

    private static final Optional<Path> CC = locate("VITRINE_CC", CC_NAME);
    private static final Optional<Path> QEMU = locate("VITRINE_QEMU", QEMU_NAME);

    private Toolchain() {}

    static Optional<Path> compiler() { return CC; }
    static Optional<Path> qemu() { return QEMU; }

    /** The cross compiler, or a skip (a failure under CI=true) with a message saying how to get it. */
    public static Path requireCompiler() {
        return require(CC, CC_NAME, "VITRINE_CC", "apt-get install gcc-riscv64-linux-gnu");
    }

    /** qemu-riscv64, or a skip (a failure under CI=true). */
    public static Path requireQemu() {
        return require(QEMU, QEMU_NAME, "VITRINE_QEMU", "apt-get install qemu-user");
    }

    /** A host tool on PATH (gcc, strace), or a skip (a failure under CI=true). */
    public static Path requireHost(String name, String install) {
        return require(locate("VITRINE_" + name.toUpperCase().replace('-', '_'), name), name,
                "VITRINE_" + name.toUpperCase().replace('-', '_'), install);
    }

    public static boolean ci() { return "true".equalsIgnoreCase(System.getenv("CI")); }

    private static Path require(Optional<Path> tool, String name, String var, String install) {
        if (tool.isPresent()) return tool.get();
        String msg = name + " not found on PATH (or in $" + var + "); the conformance corpus needs it (" + install + ")";
        if (ci()) Assertions.fail("CI=true and " + msg);
        Assumptions.abort(msg + " - skipped (set CI=true to make this a failure)");
        throw new AssertionError("unreachable");
    }

    private static Optional<Path> locate(String envVar, String name) {
        String override = System.getenv(envVar);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) return Optional.of(p);
        }
        return Optional.empty();
    }
}
