package dev.vitrine.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a guest C program with the cross compiler into a cache directory keyed by the hash of
 * everything that determines the binary: the compiler's identity, the flags and the source text.
 * A second run with an unchanged source reuses the binary.
 *
 * <p>The flags are those of {@code userland/Makefile} (keep the two in step): static, -O2 -Wall,
 * linked with libm and libatomic.
 */
public final class GuestBuild {
    static final List<String> CFLAGS = List.of("-static", "-O2", "-Wall");
    static final List<String> LDLIBS = List.of("-lm", "-latomic");
    private static final long COMPILE_TIMEOUT_S = 120;

    private final Path compiler;
    private final Path cacheDir;
    private String compilerIdentity;

    public GuestBuild(Path compiler, Path cacheDir) {
        this.compiler = compiler;
        this.cacheDir = cacheDir;
    }

    private static GuestBuild tests;

    /**
     * The tests' one way to build a guest program: {@code source} static, -O2 -Wall, with libm and
     * libatomic, cached by content under target/guests. A missing compiler skips, or fails under CI=true.
     */
    public static Path build(Path source) throws IOException, InterruptedException {
        Path cc = Toolchain.requireCompiler();
        synchronized (GuestBuild.class) {
            if (tests == null) tests = new GuestBuild(cc, Path.of("target/guests").toAbsolutePath());
        }
        return tests.binary(source.toAbsolutePath());
    }

    /** The static riscv64 ELF for {@code source}, compiled now or taken from the cache. */
    Path binary(Path source) throws IOException, InterruptedException {
        return binary(source, CFLAGS, LDLIBS);
    }

    /** {@code source} built with {@code cflags} before it and {@code ldlibs} after it, compiled now or taken from the cache. */
    public Path binary(Path source, List<String> cflags, List<String> ldlibs) throws IOException, InterruptedException {
        byte[] text = Files.readAllBytes(source);
        String name = stripC(source.getFileName().toString());
        String key = hash(identity(), String.join(" ", cflags), String.join(" ", ldlibs), new String(text, StandardCharsets.UTF_8));
        Path dir = cacheDir.resolve(key.substring(0, 16));
        Path out = dir.resolve(name);
        if (Files.isRegularFile(out)) return out;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        Path log = Files.createTempFile(dir, name, ".log");
        try {
            List<String> cmd = new ArrayList<>();
            cmd.add(compiler.toString());
            cmd.addAll(cflags);
            cmd.add("-o");
            cmd.add(tmp.toString());
            cmd.add(source.toString());
            cmd.addAll(ldlibs);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(COMPILE_TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("compiling " + source + " timed out after " + COMPILE_TIMEOUT_S + " s");
            }
            if (p.exitValue() != 0)
                throw new AssertionError("compiling " + source + " failed (" + String.join(" ", cmd) + "):\n" + Files.readString(log));
            try {
                Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING);
            }
            return out;
        } finally {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(log);
        }
    }

    static String stripC(String file) {
        return file.endsWith(".c") ? file.substring(0, file.length() - 2) : file;
    }

    /** The compiler's path and --version text, so an upgraded toolchain rebuilds everything. */
    private synchronized String identity() throws IOException, InterruptedException {
        if (compilerIdentity == null) {
            Process p = new ProcessBuilder(compiler.toString(), "--version").redirectErrorStream(true).start();
            byte[] v = p.getInputStream().readAllBytes();
            p.waitFor(30, TimeUnit.SECONDS);
            compilerIdentity = compiler + "\n" + new String(v, StandardCharsets.UTF_8);
        }
        return compilerIdentity;
    }

    private static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : parts) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
