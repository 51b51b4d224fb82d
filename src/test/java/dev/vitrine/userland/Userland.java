package dev.vitrine.userland;

import dev.vitrine.conformance.Binfmt;

import dev.vitrine.Machine;
import dev.vitrine.conformance.GuestRun;
import dev.vitrine.conformance.Oracle;
import dev.vitrine.conformance.Toolchain;
import dev.vitrine.conformance.VitrineRunner;
import dev.vitrine.sys.CompatDoc;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The userland's test harness: builds {@code userland/} (the shell, the utilities, the chapter's
 * examples) with its Makefile, and runs a shell script three ways, always with the same riscv64
 * binaries:
 *
 * <ul>
 * <li>{@link #qemu}: our {@code sh -c SCRIPT} under qemu-riscv64 on the host kernel, in a fresh
 *     copy of the fixture directory. The shell's execve of the other riscv64 binaries needs
 *     binfmt_misc ({@link Binfmt}).</li>
 * <li>{@link #bash}: the host's bash running the same script with the same utilities (bash
 *     execs them through binfmt_misc too): an independent oracle for the shell itself.</li>
 * <li>{@link #vitrine}: {@code sh -c SCRIPT} on Vitrine, with {@code userland/build/bin}
 *     mounted at /bin, the examples at /examples and a fresh fixture copy at /work ($HOME on
 *     every side). This needs the kernel's processes and files ({@link #requireKernel}).</li>
 * </ul>
 *
 * Outputs are compared after replacing the host work directory's path with /work.
 */
final class Userland {
    static final Path ROOT = projectRoot();
    static final Path BIN = ROOT.resolve("userland/build/bin");
    static final Path EXAMPLES = ROOT.resolve("userland/build/examples");
    /** Where the fixture is in the guest, and $HOME on every side. Host paths of the fixture are shown as this. */
    static final String WORK = "/work";
    static final long TIMEOUT_S = 180;   // a safety net: a loaded 2-core machine runs qemu's execs slowly

    private static boolean built;

    private Userland() {}

    /** Builds userland/ bin and examples (make is incremental); skips without the cross compiler (fails under CI=true). */
    static synchronized void build() throws IOException, InterruptedException {
        Path cc = Toolchain.requireCompiler();
        if (built) return;
        Process p = new ProcessBuilder("make", "-s", "-C", ROOT.resolve("userland").toString(), "CC=" + cc, "bin", "examples")
                .redirectErrorStream(true).start();
        byte[] log = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS)) { p.destroyForcibly(); Assertions.fail("make userland timed out"); }
        if (p.exitValue() != 0) Assertions.fail("make -C userland bin examples failed:\n" + new String(log, StandardCharsets.UTF_8));
        built = true;
    }

    /** A fresh work directory holding the fixture: a few files named like the chapter's directory listing. */
    static Path fixture() throws IOException {
        Path dir = Files.createTempDirectory("vitrine-userland-");
        Map<String, String> files = Map.of(
                "a.c", "int main(void) { return 0; }\n",
                "b.c", "/* b */\n",
                "a.h", "#define A 1\n",
                "notes.txt", "apple 3\nbanana 12\ncherry 7\napple 3\ndate 1\n",
                "words.txt", "the quick brown fox\njumps over\nthe lazy dog\n\nThe End\n",
                "nums.txt", "10\n9\n100\n-3\n9\n2.5\n",
                "Makefile", "all:\n\ttrue\n");
        FileTime t = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path f = dir.resolve(e.getKey());
            Files.writeString(f, e.getValue());
            Files.setLastModifiedTime(f, t);
        }
        return dir;
    }

    static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind
        }
    }

    /** Our sh -c SCRIPT under qemu-riscv64, in a fresh fixture. */
    static GuestRun qemu(String script, byte[] stdin) throws Exception {
        return qemuArgv(argv(script), stdin);
    }

    /** Our sh reading its script from stdin, under qemu-riscv64. */
    static GuestRun qemuStdin(byte[] script) throws Exception {
        return qemuArgv(List.of("sh"), script);
    }

    /** A program of build/bin or build/examples (argv[0] names it) under qemu-riscv64, in a fresh fixture. */
    static GuestRun qemuArgv(List<String> argv, byte[] stdin) throws Exception {
        return qemuArgv(argv, stdin, TIMEOUT_S);
    }

    static GuestRun qemuArgv(List<String> argv, byte[] stdin, long timeoutSeconds) throws Exception {
        Path qemu = Toolchain.requireQemu();
        build();
        Binfmt.require();
        Path work = fixture();
        try {
            List<String> env = List.of("PATH=" + BIN + ":" + EXAMPLES, "HOME=" + work, "LANG=C", "TZ=UTC");
            GuestRun r = new Oracle(qemu).run(binary(argv.get(0)), argv, env, stdin, timeoutSeconds, work);
            return normalize(r, work);
        } finally {
            deleteTree(work);
        }
    }

    /** The host's bash with our utilities on PATH, in a fresh fixture. */
    static GuestRun bash(String script, byte[] stdin) throws Exception {
        return host(script, stdin, BIN + ":" + EXAMPLES);
    }

    /** The host's bash with the host's coreutils, in a fresh fixture. */
    static GuestRun coreutils(String script) throws Exception {
        return host(script, new byte[0], "/usr/bin:/bin");
    }

    private static GuestRun host(String script, byte[] stdin, String path) throws Exception {
        Toolchain.requireQemu();
        build();
        Binfmt.require();
        Path work = fixture();
        try {
            ProcessBuilder pb = new ProcessBuilder("env", "-i", "PATH=" + path, "HOME=" + work, "LANG=C", "TZ=UTC", "/bin/bash", "-c", script)
                    .directory(work.toFile());
            Process p = pb.start();
            p.getOutputStream().write(stdin);
            p.getOutputStream().close();
            var err = new java.util.concurrent.CompletableFuture<byte[]>();
            Thread t = new Thread(() -> {
                try { err.complete(p.getErrorStream().readAllBytes()); } catch (IOException e) { err.complete(new byte[0]); }
            });
            t.setDaemon(true);
            t.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) { p.destroyForcibly(); Assertions.fail("bash did not finish: " + script); }
            return normalize(new GuestRun(out, err.get(10, TimeUnit.SECONDS), p.exitValue(), 0, ""), work);
        } finally {
            deleteTree(work);
        }
    }

    /**
     * sh -c SCRIPT on Vitrine: /bin, /examples and the fixture (at /work) mounted from the host;
     * skipped until the kernel can. The machine starts its first program in /home/user (where it
     * also puts the program's file), so a first sh changes to /work and execs the one that runs
     * the script.
     */
    static GuestRun vitrine(String script, byte[] stdin) throws Throwable {
        return vitrineArgv(List.of("sh", "-c", "cd " + WORK + " && exec sh -c \"$0\"", script), stdin);
    }

    /** sh reading its script from stdin on Vitrine. */
    static GuestRun vitrineStdin(byte[] script) throws Throwable {
        return vitrineArgv(List.of("sh", "-c", "cd " + WORK + " && exec sh"), script);
    }

    /** A program on Vitrine, started in /home/user, with the fixture at /work. */
    static GuestRun vitrineArgv(List<String> argv, byte[] stdin) throws Throwable {
        build();
        requireKernel();
        Path work = fixture();
        try {
            List<String> env = List.of("PATH=/bin:/examples", "HOME=" + WORK, "LANG=C", "TZ=UTC");
            GuestRun r = new VitrineRunner().run(binary(argv.get(0)), argv, env, stdin, TIMEOUT_S,
                    b -> {
                        mount(b, BIN + ":/bin");
                        mount(b, EXAMPLES + ":/examples");
                        mount(b, work + ":" + WORK + ":rw");
                    });
            return normalize(r, work);
        } finally {
            deleteTree(work);
        }
    }

    static Path binary(String name) {
        Path p = BIN.resolve(name);
        return Files.exists(p) ? p : EXAMPLES.resolve(name);
    }

    private static List<String> argv(String script) {
        return List.of("sh", "-c", script);
    }

    /** Machine.Builder.mount(HOST:GUEST[:rw]) comes with the file system work; called reflectively until it is on main. */
    private static void mount(Machine.Builder b, String spec) {
        try {
            Machine.Builder.class.getMethod("mount", String.class).invoke(b, spec);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Machine.Builder has no mount(String)", e);
        }
    }

    private static final List<String> KERNEL_NEEDS = List.of("clone", "execve", "wait4", "pipe2", "dup3", "openat", "getdents64",
            "chdir", "setpgid", "mknodat");
    private static String missing;

    /**
     * The shell needs processes (clone, execve, wait4) and files (openat, pipe2, dup3, getdents64...)
     * and the machine needs host mounts. Until the kernel branches land the Vitrine side is skipped
     * with the list of what is missing.
     */
    static synchronized void requireKernel() {
        if (missing == null) {
            String doc = CompatDoc.markdown();
            List<String> lack = new ArrayList<>();
            for (String call : KERNEL_NEEDS) {
                Matcher m = Pattern.compile("\\| \\d+ \\| " + call + " \\| (\\w+) \\|").matcher(doc);
                if (!m.find() || m.group(1).equals("ENOSYS")) lack.add(call);
            }
            try {
                Machine.Builder.class.getMethod("mount", String.class);
            } catch (NoSuchMethodException e) {
                lack.add("Machine.Builder.mount");
            }
            missing = String.join(", ", lack);
        }
        Assumptions.assumeTrue(missing.isEmpty(), "Vitrine side skipped: the kernel lacks " + missing);
    }

    static boolean kernelReady() {
        try {
            requireKernel();
            return true;
        } catch (org.opentest4j.TestAbortedException e) {
            return false;
        }
    }

    private static GuestRun normalize(GuestRun r, Path work) {
        String w = work.toString();
        byte[] out = r.stdoutText().replace(w, WORK).getBytes(StandardCharsets.UTF_8);
        byte[] err = r.stderrText().replace(w, WORK).getBytes(StandardCharsets.UTF_8);
        return new GuestRun(out, err, r.exitStatus(), r.signal(), r.note(), r.diagnostics());
    }

    static String describe(String side, GuestRun r) {
        return side + " (" + r.status() + (r.note().isEmpty() ? "" : ", " + r.note()) + "):\n" + r.stdoutText()
                + (r.diagnostics().isEmpty() ? "" : "--- diagnostics:\n" + r.diagnostics())
                + (r.stderr().length > 0 ? "--- stderr:\n" + r.stderrText() : "");
    }

    static Path projectRoot() {
        String basedir = System.getProperty("basedir");
        Path p = (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
        for (Path q = p; q != null; q = q.getParent())
            if (Files.isRegularFile(q.resolve("userland/Makefile"))) return q;
        throw new IllegalStateException("cannot find userland/Makefile above " + p);
    }
}
