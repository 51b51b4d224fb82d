package dev.vitrine.conformance;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * binfmt_misc for the oracle: qemu-user does not follow an execve into another riscv64 binary,
 * so a shell under qemu-riscv64 could not run the utilities. Registering qemu-riscv64-static for
 * riscv64 ELF files (the one line of /usr/lib/binfmt.d/qemu-riscv64.conf, flags OPF) makes the
 * host kernel do it. Needs root. The registration stays when the JVM ends, as the
 * qemu-user-static package's own does: undoing it pulled it from under every other test JVM on
 * the host that had found it in place (their shells' execs then ran riscv64 files as scripts).
 */
public final class Binfmt {
    private static final Path DIR = Path.of("/proc/sys/fs/binfmt_misc");
    private static final Path ENTRY = DIR.resolve("qemu-riscv64");
    private static final Path CONF = Path.of("/usr/lib/binfmt.d/qemu-riscv64.conf");
    private static Boolean ready;
    private static String why;

    private Binfmt() {}

    /** Skips the test (fails under CI=true) when riscv64 binaries cannot be exec'ed on the host. */
    public static synchronized void require() {
        if (ready == null) ready = setUp();
        if (ready) return;
        String msg = "binfmt_misc for riscv64 is not available (" + why + "); see LINUX-NOTES \"The oracle and execve\"";
        if (Toolchain.ci()) Assertions.fail("CI=true and " + msg);
        Assumptions.abort(msg);
    }

    private static boolean setUp() {
        try {
            if (!Files.exists(DIR.resolve("register"))) {
                if (!run("mount", "-t", "binfmt_misc", "binfmt_misc", DIR.toString())) { why = "cannot mount binfmt_misc (not root?)"; return false; }
            }
            if (Files.exists(ENTRY)) return enabled();
            if (!Files.isRegularFile(CONF)) { why = CONF + " missing (apt-get install qemu-user-static)"; return false; }
            String line = Files.readString(CONF).strip();
            try {
                Files.writeString(DIR.resolve("register"), line);
            } catch (IOException raced) {
                if (!Files.exists(ENTRY)) throw raced;   // another JVM registered it first: EEXIST
            }
            return enabled();
        } catch (IOException | InterruptedException e) {
            why = e.toString();
            return false;
        }
    }

    private static boolean enabled() throws IOException {
        if (Files.readString(ENTRY).startsWith("enabled")) return true;
        why = ENTRY + " is disabled";
        return false;
    }

    private static boolean run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
