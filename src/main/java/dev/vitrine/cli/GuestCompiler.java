package dev.vitrine.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** Turns a .c file into a static riscv64 executable with the cross compiler, cached by the source's hash. */
final class GuestCompiler {
    private GuestCompiler() {}

    static final String CC = "riscv64-linux-gnu-gcc";
    private static final List<String> FLAGS = List.of("-static", "-O2");

    static Path compile(Path source) throws IOException, InterruptedException {
        byte[] text = Files.readAllBytes(source);
        Path cache = cacheDir();
        Files.createDirectories(cache);
        String name = source.getFileName().toString().replaceFirst("\\.c$", "");
        Path out = cache.resolve(name + "-" + hash(text, String.join(" ", FLAGS)));
        if (Files.isRegularFile(out)) return out;
        Path tmp = Files.createTempFile(cache, name, ".tmp");
        Process p;
        try {
            p = new ProcessBuilder(CC, "-static", "-O2", "-o", tmp.toString(), source.toString(), "-lm")
                    .inheritIO().start();
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IllegalArgumentException("cannot compile " + source + ": " + CC
                    + " is not installed (Debian/Ubuntu: apt-get install gcc-riscv64-linux-gnu)");
        }
        if (p.waitFor() != 0) {
            Files.deleteIfExists(tmp);
            throw new IllegalArgumentException("cannot compile " + source + ": " + CC + " failed");
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    static Path cacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("vitrine").resolve("guest");
    }

    private static String hash(byte[] text, String flags) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(text);
            md.update(flags.getBytes());
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
