package dev.vitrine.fuzz;

import dev.vitrine.conformance.Toolchain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Builds the fuzzers' guest programs (userland/fuzz/*.c) with the cross compiler, cached under
 * target/fuzz by a hash of the source and flags. A missing compiler skips, or fails under CI=true.
 */
final class FuzzGuest {
    private FuzzGuest() {}

    static Path projectRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("pom.xml"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("no pom.xml above " + Path.of("").toAbsolutePath());
        return p;
    }

    /** userland/fuzz/NAME.c built with {@code flags} (e.g. -static), or taken from the cache. */
    static Path build(String name, String... flags) throws IOException, InterruptedException {
        Path cc = Toolchain.requireCompiler();
        Path root = projectRoot();
        Path source = root.resolve("userland/fuzz/" + name + ".c");
        byte[] text = Files.readAllBytes(source);
        List<String> cmd = new ArrayList<>(List.of(cc.toString(), "-O2", "-Wall"));
        cmd.addAll(List.of(flags));
        String key = hash(String.join(" ", cmd), new String(text, StandardCharsets.UTF_8)).substring(0, 16);
        Path dir = root.resolve("target/fuzz/" + key);
        Path out = dir.resolve(name);
        if (Files.isRegularFile(out)) return out;
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, name, ".tmp");
        cmd.addAll(List.of("-o", tmp.toString(), source.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
            throw new AssertionError("compiling " + source + " failed: " + String.join(" ", cmd) + "\n" + log);
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return out;
    }

    private static String hash(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String s : parts) {
                md.update(s.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
